-- Webhooks are now a projection of their streams, which a rebuild empties and refills: deliveries no longer hold a
-- foreign key to them. A delivery whose webhook was removed is simply never sent (the dispatcher joins the two).
alter table webhook_delivery drop constraint webhook_delivery_webhook_id_fkey;
