//! The fictional gazetteer: militias, front groups, channels, parties and persons.
//!
//! Built once per seed from [`super::words`]; relations always point at ids in the list and
//! aliases are unique across it, as in the real gazetteer.

use std::collections::HashSet;

use super::SynthOptions;
use super::dice::{Dice, GAZETTEER_SALT, splitmix};
use super::formatting::slug;
use super::words::{
    FRONT_FORMS, GIVEN_HEADS, GIVEN_TAILS, HUBS, MILITIA_PREFIXES, ROOTS, SURNAME_ENDINGS, arabize,
    person_names,
};
use crate::corpus::model::{Actor, ActorKind, Relation};

// How many actors of each kind, and the `/node/` number of the first one.
const MILITIAS: usize = 16;
const FRONTS: usize = 10;
const CHANNELS: usize = 12;
const PARTIES: usize = 6;
const PERSONS: usize = 60;
const FIRST_NODE: u64 = 900_001;

/// The gazetteer under construction, with the names and ids taken so far.
#[derive(Default)]
struct Gazetteer {
    actors: Vec<Actor>,
    names: HashSet<String>,
    ids: HashSet<String>,
}

/// The four fixed bodies every militia hangs from.
#[derive(Clone, Copy)]
struct Hubs {
    umbrella: usize,
    committee: usize,
    commission: usize,
    sponsor: usize,
}

/// A name as compared for uniqueness: lower case, curly apostrophes made straight.
pub(super) fn fold(name: &str) -> String {
    name.to_lowercase().replace('\u{2019}', "'")
}

impl Gazetteer {
    /// Adds an actor with its unique aliases; returns its index.
    fn add(&mut self, name: &str, kind: ActorKind, aliases: Vec<String>, role: String) -> usize {
        let mut id = slug(name);
        while !self.ids.insert(id.clone()) {
            id.push_str("-x");
        }
        self.names.insert(fold(name));
        let aliases = aliases
            .into_iter()
            .filter(|a| a != name && self.names.insert(fold(a)))
            .collect();
        let index = self.actors.len();
        self.actors.push(Actor {
            id,
            name: name.to_string(),
            kind,
            subkind: None,
            aliases,
            arabic: Vec::new(),
            affiliations: Vec::new(),
            relations: Vec::new(),
            role,
            node: Some(FIRST_NODE + u64::try_from(index).unwrap_or(0) * 3),
            platform: None,
            unconfirmed: Vec::new(),
            sources: Vec::new(),
        });
        index
    }

    fn relate(&mut self, from: usize, to: usize, relation: &str, assessed: bool) {
        let Some(to_id) = self.actors.get(to).map(|a| a.id.clone()) else {
            return;
        };
        if let Some(actor) = self.actors.get_mut(from) {
            if !actor.affiliations.contains(&to_id) {
                actor.affiliations.push(to_id.clone());
            }
            actor.relations.push(Relation {
                to: to_id,
                relation: relation.to_string(),
                assessed,
            });
        }
    }

    fn set_arabic(&mut self, index: usize, dice: &mut Dice, percent: u64) {
        if dice.chance(percent) {
            if let Some(actor) = self.actors.get_mut(index) {
                actor.arabic.push(arabize(&actor.name));
            }
        }
    }

    /// Adds the umbrella brand, the committee, the commission and the sponsor.
    fn hubs(&mut self) -> Hubs {
        let mut index = [0; 4];
        for (slot, (name, kind, subkind, aliases, role)) in index.iter_mut().zip(HUBS) {
            let aliases = aliases.iter().map(|s| (*s).to_string()).collect();
            *slot = self.add(name, kind, aliases, role.to_string());
            if let Some(a) = self.actors.get_mut(*slot) {
                a.subkind = subkind.map(str::to_string);
                a.arabic.push(arabize(name));
            }
        }
        let [umbrella, committee, commission, sponsor] = index;
        Hubs {
            umbrella,
            committee,
            commission,
            sponsor,
        }
    }

    fn militia(&mut self, dice: &mut Dice, root: &str, hubs: Hubs, earlier: &[usize]) -> usize {
        let (prefix, variants, english) = *dice.pick(&MILITIA_PREFIXES);
        let (core, gloss) = match dice.below(4) {
            0 => (format!("al-{root}iya"), format!("{root}iya {english}")),
            1 => (
                format!("Ahl al-{root}"),
                format!("{english} of the People of {root}"),
            ),
            2 => (
                format!("Sayf al-{root}"),
                format!("{english} of the Sword of {root}"),
            ),
            _ => (
                format!("Jund al-{root}"),
                format!("{english} of the Soldiers of {root}"),
            ),
        };
        let name = format!("{prefix} {core}");
        let initial = prefix.chars().next().unwrap_or('X');
        let acronym = format!("{initial}{}", root.get(..3).unwrap_or(root).to_uppercase());
        let mut aliases: Vec<String> = variants.iter().map(|v| format!("{v} {core}")).collect();
        aliases.push(name.replace("al-", "al "));
        aliases.extend([gloss, acronym, format!("Islamic Resistance {name}")]);
        if core.starts_with("al-") {
            aliases.push(core.clone());
        }
        let role = format!(
            "Fictional armed group invented for test data ({english} of {root}); not a real organization."
        );
        let me = self.add(&name, ActorKind::Militia, aliases, role);
        self.set_arabic(me, dice, 80);
        self.relate(me, hubs.sponsor, "sponsored-by", true);
        self.relate(me, hubs.commission, "member-brigade", false);
        if dice.chance(70) {
            self.relate(me, hubs.umbrella, "participant", true);
            self.relate(hubs.umbrella, me, "brand used by", true);
        }
        if dice.chance(50) {
            self.relate(me, hubs.committee, "member", dice.chance(50));
        }
        if !earlier.is_empty() && dice.chance(25) {
            let parent = *dice.pick(earlier);
            self.relate(me, parent, "splinter-of", false);
        }
        me
    }

    fn front(&mut self, dice: &mut Dice, root: &str, hubs: Hubs, militias: &[usize]) -> usize {
        let (prefix, english) = *dice.pick(&FRONT_FORMS);
        let name = format!("{prefix} al-{root}in");
        let initial = prefix.chars().next().unwrap_or('X');
        let aliases = vec![
            format!("{prefix} al {root}in"),
            format!("{prefix} {root}in"),
            format!("{english} {root}in"),
            format!("{initial}A{}", root.get(..3).unwrap_or(root).to_uppercase()),
            format!("{root}in"),
        ];
        let role = "Fictional facade group invented for test data; claims attacks for an invented militia.";
        let me = self.add(&name, ActorKind::FrontGroup, aliases, role.into());
        if let Some(a) = self.actors.get_mut(me) {
            a.subkind = Some("facade".into());
        }
        self.set_arabic(me, dice, 60);
        let parent = *dice.pick(militias);
        self.relate(me, parent, "front-of", true);
        self.relate(me, hubs.umbrella, "participant", dice.chance(50));
        me
    }

    fn channel(&mut self, dice: &mut Dice, root: &str, owners: &[usize], tv: bool) -> usize {
        let lower = root.to_lowercase();
        let (name, aliases, platform) = if tv {
            let aliases = vec![
                format!("{root} Television"),
                format!("al-{root} TV"),
                format!("{root} Channel"),
            ];
            (format!("{root} TV"), aliases, "TV")
        } else {
            let aliases = vec![
                format!("{root}areen"),
                format!("{root}arin News"),
                format!("{root}areen Channel"),
                format!("@{lower}areen_tg"),
            ];
            (format!("{root}areen News"), aliases, "Telegram")
        };
        let role =
            "Fictional media channel invented for test data; posts claims for invented factions.";
        let me = self.add(&name, ActorKind::MediaChannel, aliases, role.into());
        if let Some(a) = self.actors.get_mut(me) {
            a.platform = Some(platform.into());
        }
        self.set_arabic(me, dice, 50);
        let owner = *dice.pick(owners);
        self.relate(me, owner, "outlet-of", dice.chance(40));
        me
    }

    fn party(&mut self, dice: &mut Dice, root: &str, militia: usize) -> usize {
        let name = format!("{root}un Bloc");
        let aliases = vec![
            format!("Kutlat {root}un"),
            format!("{root}un"),
            format!("al-{root}un"),
        ];
        let role = "Fictional parliamentary bloc invented for test data.";
        let me = self.add(&name, ActorKind::Party, aliases, role.into());
        self.set_arabic(me, dice, 50);
        self.relate(me, militia, "political-wing-of", false);
        self.relate(militia, me, "political-wing", false);
        me
    }
}

/// Everything the person generator attaches people to.
struct Orgs {
    militias: Vec<usize>,
    fronts: Vec<usize>,
    channels: Vec<usize>,
    parties: Vec<usize>,
}

impl Gazetteer {
    /// The role relation of person `i`: who they speak or fight for.
    fn person_role(dice: &mut Dice, i: usize, orgs: &Orgs) -> (&'static str, usize) {
        let of = |list: &[usize], k: usize| list.get(k % list.len().max(1)).copied().unwrap_or(0);
        match i {
            0..16 => ("secretary-general", of(&orgs.militias, i)),
            16..32 => ("spokesman", of(&orgs.militias, i)),
            32..42 => (
                "military commander",
                of(&orgs.militias, dice.below(MILITIAS)),
            ),
            42..48 => ("media official", of(&orgs.channels, i)),
            48..54 => ("leader", of(&orgs.parties, i)),
            _ => ("security official", of(&orgs.fronts, i)),
        }
    }

    fn persons(&mut self, dice: &mut Dice, orgs: &Orgs) {
        let mut surnames: Vec<(usize, usize)> = (0..ROOTS.len())
            .flat_map(|r| (0..SURNAME_ENDINGS.len()).map(move |e| (r, e)))
            .collect();
        dice.shuffle(&mut surnames);
        let mut givens: Vec<String> = GIVEN_HEADS
            .iter()
            .flat_map(|h| GIVEN_TAILS.iter().map(move |t| format!("{h}{t}")))
            .collect();
        dice.shuffle(&mut givens);
        for i in 0..PERSONS {
            let (root, ending) = surnames[i % surnames.len()];
            let (plain, french) = SURNAME_ENDINGS[ending];
            let surname = (
                format!("{}{plain}", ROOTS[root]),
                format!("{}{french}", ROOTS[root]),
            );
            let given = &givens[i % givens.len()];
            let legal = format!("{} {}", dice.pick(&givens), dice.pick(&givens));
            let (name, aliases) = person_names(dice.chance(70), given, &surname, &legal);
            let (relation, org) = Self::person_role(dice, i, orgs);
            let org_name = self.actors.get(org).map_or("", |a| a.name.as_str());
            let role = format!(
                "Fictional {relation} of {org_name}; generated test actor, not a real person."
            );
            let me = self.add(&name, ActorKind::Person, aliases, role);
            self.set_arabic(me, dice, 60);
            self.relate(me, org, relation, false);
            if dice.chance(20) {
                let other = *dice.pick(&orgs.militias);
                if other != org {
                    self.relate(me, other, "former member", dice.chance(50));
                }
            }
        }
    }
}

/// Builds the whole gazetteer for `opts.seed`; see [`super::synth_actors`].
pub(super) fn gazetteer(opts: &SynthOptions) -> Vec<Actor> {
    let mut dice = Dice::new(splitmix(opts.seed ^ GAZETTEER_SALT));
    let mut roots = ROOTS.to_vec();
    dice.shuffle(&mut roots);
    let mut roots = roots.into_iter();
    let mut g = Gazetteer::default();
    let hubs = g.hubs();
    let mut militias = Vec::with_capacity(MILITIAS);
    for root in roots.by_ref().take(MILITIAS) {
        let m = g.militia(&mut dice, root, hubs, &militias);
        militias.push(m);
    }
    let fronts: Vec<usize> = roots
        .by_ref()
        .take(FRONTS)
        .map(|r| g.front(&mut dice, r, hubs, &militias))
        .collect();
    let owners: Vec<usize> = militias.iter().chain(&fronts).copied().collect();
    let channels: Vec<usize> = (0..CHANNELS)
        .zip(roots.by_ref())
        .map(|(i, r)| g.channel(&mut dice, r, &owners, i + 2 >= CHANNELS))
        .collect();
    let parties: Vec<usize> = (0..PARTIES)
        .zip(roots.by_ref())
        .map(|(i, r)| g.party(&mut dice, r, militias[i % militias.len()]))
        .collect();
    g.persons(
        &mut dice,
        &Orgs {
            militias,
            fronts,
            channels,
            parties,
        },
    );
    for actor in &mut g.actors {
        actor.affiliations.sort();
    }
    g.actors
}
