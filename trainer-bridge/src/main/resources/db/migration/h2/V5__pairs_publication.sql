-- trainer-bridge: per dataset (tenant, name), the newest version whose new pairs the broker acknowledged on
-- feedback.pairs.v1. Versions above the marker are (re)published, in order, until the broker takes them.
create table pairs_publication (
    tenant_id varchar(64) not null,
    name varchar(128) not null,
    published_version int not null,
    published_at timestamp with time zone not null,
    primary key (tenant_id, name)
);

-- versions that existed before this table were published (or dropped) by the earlier best-effort publisher
insert into pairs_publication (tenant_id, name, published_version, published_at)
select tenant_id, name, max(version), current_timestamp from dataset_version group by tenant_id, name;
