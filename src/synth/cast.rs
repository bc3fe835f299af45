//! The cast of a piece: the groups, persons and channels it draws on, and how speakers read.
//!
//! Choosing the cast up front keeps a piece about a few related actors rather than the whole
//! gazetteer.

use super::dice::Dice;
use crate::corpus::model::{Actor, ActorKind};

/// The actors one piece draws on: its focus groups, their people and channels.
pub(super) struct Cast<'a> {
    all: &'a [Actor],
    pub(super) groups: Vec<&'a Actor>,
    pub(super) persons: Vec<&'a Actor>,
    pub(super) channels: Vec<&'a Actor>,
}

impl<'a> Cast<'a> {
    /// The focus groups plus one random group, the persons and channels tied to them,
    /// topped up with random ones so every piece has speakers.
    pub(super) fn new(
        all: &'a [Actor],
        groups: &[&'a Actor],
        focus: &[usize],
        dice: &mut Dice,
    ) -> Self {
        let mut chosen: Vec<&'a Actor> = focus
            .iter()
            .filter_map(|&i| groups.get(i).copied())
            .collect();
        if let Some(extra) = groups.get(dice.below(groups.len())) {
            if !chosen.iter().any(|g| g.id == extra.id) {
                chosen.push(extra);
            }
        }
        let tied = |a: &Actor| {
            a.relations
                .iter()
                .any(|r| chosen.iter().any(|g| g.id == r.to))
        };
        let of_kind = |k: ActorKind| all.iter().filter(move |a| a.kind == k).collect::<Vec<_>>();
        let mut persons: Vec<&'a Actor> = of_kind(ActorKind::Person)
            .into_iter()
            .filter(|a| tied(a))
            .collect();
        let mut channels: Vec<&'a Actor> = of_kind(ActorKind::MediaChannel)
            .into_iter()
            .filter(|a| tied(a))
            .collect();
        Self::top_up(&mut persons, &of_kind(ActorKind::Person), 3, dice);
        Self::top_up(&mut channels, &of_kind(ActorKind::MediaChannel), 1, dice);
        Self {
            all,
            groups: chosen,
            persons,
            channels,
        }
    }

    /// Adds up to `k` random actors from `pool` that are not in `list` yet.
    fn top_up(list: &mut Vec<&'a Actor>, pool: &[&'a Actor], k: usize, dice: &mut Dice) {
        for i in dice.distinct(pool.len(), k) {
            if let Some(a) = pool.get(i) {
                if !list.iter().any(|b| b.id == a.id) {
                    list.push(a);
                }
            }
        }
    }

    /// The actor with this id, from the whole gazetteer.
    pub(super) fn find(&self, id: &str) -> Option<&'a Actor> {
        self.all.iter().find(|a| a.id == id)
    }
}

/// One actor of `list`, or `None` when it is empty.
pub(super) fn pick_actor<'a>(dice: &mut Dice, list: &[&'a Actor]) -> Option<&'a Actor> {
    list.get(dice.below(list.len())).copied()
}

/// A speaker as a pattern writes them.
pub(super) struct Speaker {
    /// Actor id, or the slug of an unknown name.
    pub(super) id: String,
    /// The name as written in this quote.
    pub(super) name: String,
    /// The surname form for later references (`al-Fictawi`, `Fictawi`).
    pub(super) short: String,
    /// The appositive after the name (`the spokesman for **X (/node/N)**`).
    pub(super) role: String,
}

/// How a role relation reads before the organisation's name.
pub(super) fn role_words(relation: &str) -> String {
    match relation {
        "secretary-general" => "the leader of the".into(),
        "spokesman" => "the spokesman for".into(),
        "military commander" => "a military commander in".into(),
        "media official" => "a media official at".into(),
        "leader" => "the leader of the".into(),
        "security official" => "a security official in".into(),
        other => format!("the {other} of"),
    }
}

/// One name of `list`, or `None` when it is empty.
pub(super) fn pick_actor_name<'a>(dice: &mut Dice, list: &[&'a String]) -> Option<&'a str> {
    list.get(dice.below(list.len())).map(|s| s.as_str())
}
