package org.careloop.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictJsonTest {

    enum Level {
        LOW,
        HIGH
    }

    record Inner(String name, @FreeText List<String> notes) {}

    record Body(
            String name,
            @FreeText String story,
            Integer count,
            Boolean flag,
            Double weight,
            Level level,
            LocalDate born,
            Instant at,
            java.time.Duration timeout,
            List<String> tags,
            Inner inner) {}

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    private Problem.FieldError refusal(String json) {
        JsonProcessingException e =
                assertThrows(
                        JsonProcessingException.class, () -> mapper.readValue(json, Body.class));
        Problem problem = ProblemResponses.unreadableBody(e);
        assertEquals(400, problem.status());
        return problem.errors().get(0);
    }

    private Problem.FieldError refusal(byte[] json) {
        JsonProcessingException e =
                assertThrows(
                        JsonProcessingException.class, () -> mapper.readValue(json, Body.class));
        return ProblemResponses.unreadableBody(e).errors().get(0);
    }

    @Test
    void aWellFormedBodyReadsAsBefore() throws Exception {
        Body body =
                mapper.readValue(
                        """
                {"name":"Ada","story":"line one\\nline\\ttwo\\r\\n","count":3,"flag":true,"weight":2,"level":"HIGH",
                 "born":"1990-12-10","at":"2026-11-22T09:30:00Z","tags":["a","😀"],"inner":{"name":"","notes":["x\\ny"]}}""",
                        Body.class);
        assertEquals("line one\nline\ttwo\r\n", body.story());
        assertEquals(2.0, body.weight());
        assertEquals("😀", body.tags().get(1));
        assertEquals("", body.inner().name());
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            {"name":"a","name":"b"}                     | name         | appears more than once in the object
            {"inner":{"name":"a","name":"b"}}           | inner.name   | appears more than once in the object
            {"name":"a"} x                              | body         | is not valid JSON (line 1, column 15)
            {"name":"a"} {}                             | body         | must hold one JSON value and nothing after it
            {"name":"a"}[1]                             | body         | must hold one JSON value and nothing after it
            {"flag":1}                                  | flag         | has the wrong type: expected true or false
            {"flag":"true"}                             | flag         | has the wrong type: expected true or false
            {"count":"3"}                               | count        | has the wrong type: expected a whole number
            {"count":3.0}                               | count        | has the wrong type: expected a whole number
            {"weight":"2"}                              | weight       | has the wrong type: expected a number
            {"name":3}                                  | name         | has the wrong type: expected a string
            {"name":true}                               | name         | has the wrong type: expected a string
            {"level":1}                                 | level        | has the wrong type: expected one of [LOW, HIGH]
            {"level":""}                                | level        | has the wrong format: expected one of [LOW, HIGH]
            {"born":""}                                 | born         | has the wrong format: expected an ISO-8601 date (YYYY-MM-DD)
            {"born":19901210}                           | born         | has the wrong type: expected an ISO-8601 date (YYYY-MM-DD)
            {"born":[]}                                 | born         | has the wrong type: expected an ISO-8601 date (YYYY-MM-DD)
            {"born":[1990,12,10]}                       | born         | has the wrong type: expected an ISO-8601 date (YYYY-MM-DD)
            {"born":"-999999999-01-01"}                 | born         | must be between 1900-01-01 and 2200-12-31
            {"born":"2201-01-01"}                       | born         | must be between 1900-01-01 and 2200-12-31
            {"at":"+1000000000-01-01T00:00:00Z"}        | at           | must be between 1900-01-01 and 2200-12-31 (UTC)
            {"at":"1899-12-31T23:59:59Z"}               | at           | must be between 1900-01-01 and 2200-12-31 (UTC)
            {"at":1700000000}                           | at           | has the wrong type: expected an ISO-8601 date-time with offset (e.g. 2026-11-22T09:30:00Z)
            {"name":"A\\u0000da"}                       | name         | must not contain control characters (U+0000 at character 1); this field is a single line
            {"name":"Ada\\n"}                           | name         | must not contain control characters (U+000A at character 3); this field is a single line
            {"story":"x\\u001b[2J"}                     | story        | must not contain control characters (U+001B at character 1)
            {"story":"x\\u0085"}                        | story        | must not contain control characters (U+0085 at character 1)
            {"tags":["ok","\\ud800"]}                   | tags[1]      | must not contain an unpaired surrogate (at character 0)
            {"inner":{"notes":["a","b\\udc00c"]}}       | inner.notes[1] | must not contain an unpaired surrogate (at character 1)
            {"inner":{"name":"\\u007f"}}                | inner.name   | must not contain control characters (U+007F at character 0); this field is a single line
            {"timeout":300}                             | timeout       | has the wrong type: expected an ISO-8601 duration (e.g. PT5M)
            {"born":"1990-12-10\\u0000"}                | born         | must not contain control characters (U+0000 at character 10); this field is a single line
            {"level":"LOW\\u0000"}                     | level        | must not contain control characters (U+0000 at character 3); this field is a single line
            {"shoeSize":9}                              | shoeSize     | is not a known field
            {"name":                                    | body         | is not valid JSON (line 1, column 9)
            """)
    void aDefectiveBodyIsRefusedNamingTheField(String json, String field, String message) {
        Problem.FieldError error = refusal(json);
        assertEquals(field, error.field());
        assertEquals(message, error.message());
    }

    @Test
    void aUuidWithAControlCharacterIsRefusedRatherThanTrimmed() {
        record Referenced(java.util.UUID clientId) {}
        JsonProcessingException e =
                assertThrows(
                        JsonProcessingException.class,
                        () ->
                                mapper.readValue(
                                        "{\"clientId\":\"7f0c0a5e-2b1d-4a4e-9d35-3c9f8f1f2a10\\u0001\"}",
                                        Referenced.class));
        assertEquals("clientId", ProblemResponses.unreadableBody(e).errors().get(0).field());
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] json = "{\"name\":\"A\u00ffda\"}".getBytes(StandardCharsets.ISO_8859_1);
        Problem.FieldError error = refusal(json);
        assertEquals("name", error.field());
        assertEquals("is not valid UTF-8", error.message());
    }

    @Test
    void deepNestingIsRefusedBeforeItCanExhaustTheStack() {
        String nesting = "is nested too deeply or too long: at most 32 levels";
        String deep = "{\"inner\":{\"notes\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}";
        assertEquals(
                new Problem.FieldError("inner.notes[0]", "has the wrong type: expected a string"),
                refusal(deep));
        String untyped = "{\"extra\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertEquals(new Problem.FieldError("body", nesting), refusal(untyped));
        String bare = "[".repeat(10_000) + "]".repeat(10_000);
        JsonProcessingException e =
                assertThrows(JsonProcessingException.class, () -> mapper.readTree(bare));
        assertEquals(
                new Problem.FieldError("body", nesting),
                ProblemResponses.unreadableBody(e).errors().get(0));
    }

    @Test
    void aPrimitiveLeftOutIsRefused() {
        record Counted(int count) {}
        JsonProcessingException e =
                assertThrows(
                        JsonProcessingException.class, () -> mapper.readValue("{}", Counted.class));
        assertEquals("count", ProblemResponses.unreadableBody(e).errors().get(0).field());
    }
}
