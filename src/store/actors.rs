//! Actors as the cache and the index image store them: with every field, since their encoding
//! (postcard) reads fields by position and the gazetteer's own form leaves empty ones out.

use serde::{Deserialize, Serialize};

use crate::corpus::model::{Actor, ActorKind, Relation};

/// An actor as the cache and the image store it: every field present, in order. Postcard reads
/// fields by position, so it cannot take the gazetteer's form, which leaves out empty ones.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct StoredActor {
    id: String,
    name: String,
    kind: ActorKind,
    subkind: Option<String>,
    aliases: Vec<String>,
    arabic: Vec<String>,
    affiliations: Vec<String>,
    relations: Vec<Relation>,
    role: String,
    node: Option<u64>,
    platform: Option<String>,
    unconfirmed: Vec<String>,
    sources: Vec<String>,
}

impl From<&Actor> for StoredActor {
    fn from(a: &Actor) -> Self {
        Self {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            subkind: a.subkind.clone(),
            aliases: a.aliases.clone(),
            arabic: a.arabic.clone(),
            affiliations: a.affiliations.clone(),
            relations: a.relations.clone(),
            role: a.role.clone(),
            node: a.node,
            platform: a.platform.clone(),
            unconfirmed: a.unconfirmed.clone(),
            sources: a.sources.clone(),
        }
    }
}

impl From<StoredActor> for Actor {
    fn from(a: StoredActor) -> Self {
        Self {
            id: a.id,
            name: a.name,
            kind: a.kind,
            subkind: a.subkind,
            aliases: a.aliases,
            arabic: a.arabic,
            affiliations: a.affiliations,
            relations: a.relations,
            role: a.role,
            node: a.node,
            platform: a.platform,
            unconfirmed: a.unconfirmed,
            sources: a.sources,
        }
    }
}
