package org.careloop.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careloop.contracts.EventCatalog;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.messaging.CloudEventHeaders;

/** Talks to the real broker the way another service would: publishes events and reads topics. */
public final class KafkaProbe {

    private KafkaProbe() {}

    /** The test stack's broker. */
    public static String bootstrap() {
        return System.getenv().getOrDefault("CARELOOP_KAFKA", "127.0.0.1:19092");
    }

    /**
     * Publishes an event exactly as a producing service's outbox relay would; returns its event id.
     */
    public static UUID publish(IntegrationEvent event, UUID eventId) {
        return publish(event, eventId, event.key());
    }

    /** Publishes under another key, e.g. to land on the same partition as an earlier record. */
    public static UUID publish(IntegrationEvent event, UUID eventId, String key) {
        String type = EventCatalog.typeOf(event.getClass());
        ProducerRecord<String, String> record =
                new ProducerRecord<>(EventCatalog.topicOf(type), key, EventJson.encode(event));
        CloudEventHeaders.write(
                record.headers(), eventId.toString(), type, "test", key, Instant.now());
        send(record);
        return eventId;
    }

    /** Sends a raw record, e.g. a poison message. */
    public static void send(ProducerRecord<String, String> record) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    /** Reads the topic from its beginning until a record matches, or fails after the timeout. */
    public static ConsumerRecord<String, String> await(
            String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                    seen.add(record);
                }
            }
        }
        throw new AssertionError(
                "no matching record on "
                        + topic
                        + " within "
                        + timeout
                        + " ("
                        + seen.size()
                        + " others seen)");
    }

    /** Every record on the topic right now, from its beginning to its current end. */
    public static List<ConsumerRecord<String, String>> records(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(
                                    p ->
                                            new org.apache.kafka.common.TopicPartition(
                                                    topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            java.util.Map<org.apache.kafka.common.TopicPartition, Long> end =
                    consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * How many records of the topic a consumer group has not yet acknowledged: its work in flight.
     */
    public static long lag(String group, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(config);
                KafkaConsumer<String, String> consumer =
                        new KafkaConsumer<>(
                                config, new StringDeserializer(), new StringDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not read the offsets of " + group + " on " + topic, e);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.read(record.headers(), name);
    }
}
