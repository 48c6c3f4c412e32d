-- Immutable dataset versions (mining) and their rows: preference pairs (kind 'p') and unpaired labels (kind 'l').
create table dataset_version (
    dataset_id varchar(64) not null primary key,
    tenant_id varchar(64) not null,
    name varchar(128) not null,
    version int not null,
    created_at timestamp with time zone not null,
    pair_count bigint not null,
    label_count bigint not null,
    manifest text not null,
    -- what the version was mined from and with: for re-mining when the projections change
    source_fingerprint varchar(256),
    request text,
    constraint uq_dataset_version unique (tenant_id, name, version)
);

create table dataset_row (
    dataset_id varchar(64) not null references dataset_version (dataset_id),
    kind char(1) not null,
    seq bigint not null,
    split varchar(8) not null,
    strength double precision not null,
    model_a varchar(128),
    model_b varchar(128),
    prompt_at timestamp with time zone,
    body text not null,
    primary key (dataset_id, kind, seq)
);
