-- Tenants and their pseudonymisation keys (never stored in events), and hashed API keys.
create table tenant (
    tenant_id varchar(64) not null primary key,
    pseudonym_key bytea not null,
    created_at timestamp with time zone not null
);

create table api_key (
    key_id varchar(32) not null primary key,
    tenant_id varchar(64) not null references tenant (tenant_id),
    key_hash varchar(64) not null unique,
    roles varchar(128) not null,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone
);

create index idx_api_key_tenant on api_key (tenant_id);
