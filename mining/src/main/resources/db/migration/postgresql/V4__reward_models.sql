-- Versioned P[Love] reward models per tenant (mining): evaluation report, training parameters and the artifact
-- (a zip of every head's DJL params and descriptor.json).
create table reward_model (
    model_id varchar(64) not null primary key,
    tenant_id varchar(64) not null,
    version int not null,
    created_at timestamp with time zone not null,
    objective varchar(16) not null,
    training_set text not null,
    metrics text not null,
    parameters text not null,
    artifact_size bigint not null,
    artifact bytea not null,
    constraint uq_reward_model_version unique (tenant_id, version)
);
