//! Narrative: the intro, analysis fillers, headings and quoted terms around the statements.
//!
//! This text carries no statements; it makes pages look like real analysis and puts quoted
//! terms where the extractor must not take them for statements.

use super::cast::pick_actor;
use super::formatting::upper_first;
use super::prose::TERMS;
use super::writer::Writer;

const INTROS: [&str; 4] = [
    "As the invented coalition expanded its patrols in recent weeks, the synthetic factions sharpened their rhetoric against it.",
    "Over the past month, the fictional militias of this test corpus have escalated their messaging on Telegram.",
    "Since the invented ceasefire collapsed, each of the synthetic factions has tried to outbid the others in rhetoric.",
    "Following a pretend drone strike on an invented base, the factions moved quickly to claim credit.",
];
const FILLERS: [&str; 6] = [
    "In Militia Spotlight{A}s assessment, {G} remains the most active of the synthetic factions, while {P} has become its most visible voice.",
    "Such warnings indicate that {G} intends to continue its pretend campaign against the invented coalition.",
    "Channels close to {G} amplified the message within hours, led by {C}.",
    "It is rare for {P} to speak this openly, but the fictional tempo of attacks has changed the calculus.",
    "None of these events happened: the paragraph exists so that search and layout can be tested at scale.",
    "{G} is assessed to have drones that it has rarely used, and these could now come into play in the invented desert.",
];
const TERM_SENTENCES: [&str; 3] = [
    "Militia Spotlight assesses this as part of a broader {T} narrative.",
    "Supporters online framed the episode as proof of the {T}.",
    "The messaging leans on the familiar idea of a {T}.",
];
const HEADINGS: [&str; 5] = [
    "{G} Sets the Parameters?",
    "From Paper Tiger to Test Fixture",
    "The Telegram Echo Chamber",
    "Fictional Red Lines",
    "What Comes Next in the Invented Desert",
];
const SUBHEADS: [&str; 3] = [
    "{G}: From Rhetoric to Pretend Action",
    "The Channels Weigh In",
    "A Familiar Synthetic Script",
];

impl<'a> Writer<'a> {
    /// Fills `{G}`, `{P}`, `{C}` and `{A}` in a template; `bold` allows `/node/` mentions.
    pub(super) fn fill(&mut self, template: &str, bold: bool) -> String {
        let mut out = template.replace("{A}", self.marks.apos);
        if out.contains("{G}") {
            let g = pick_actor(&mut self.dice, &self.cast.groups);
            let text = match g {
                Some(g) if bold => self.mention(g),
                Some(g) => self.spelling(g).to_string(),
                None => "the invented faction".into(),
            };
            out = out.replace("{G}", &text);
        }
        if out.contains("{P}") {
            let p = pick_actor(&mut self.dice, &self.cast.persons);
            let text = p.map_or("its leader", |p| self.spelling(p)).to_string();
            out = out.replace("{P}", &text);
        }
        if out.contains("{C}") {
            let c = pick_actor(&mut self.dice, &self.cast.channels);
            let text = c
                .map_or("a fictional channel", |c| self.spelling(c))
                .to_string();
            out = out.replace("{C}", &text);
        }
        out
    }

    /// A paragraph of analysis with no statement, carrying a quoted term when given one.
    pub(super) fn filler(&mut self, term: Option<&str>) {
        self.end_para();
        let template = *self.dice.pick(&FILLERS);
        let text = self.fill(template, true);
        self.say(&upper_first(&text));
        if let Some(term) = term {
            let quoted = self.q(term);
            let sentence = self.dice.pick(&TERM_SENTENCES).replace("{T}", &quoted);
            self.say(&sentence);
        }
        self.end_para();
    }

    /// The bold opening paragraph; also picks where the heading cycle starts.
    fn intro(&mut self) {
        self.headings = self.dice.below(HEADINGS.len() * SUBHEADS.len());
        let intro = *self.dice.pick(&INTROS);
        let (first, rest) = intro.split_at(1);
        let follow = self.fill("{G} has been at the center of this shift.", true);
        self.say(&format!("**{first}**{rest} {}", upper_first(&follow)));
        self.end_para();
    }

    /// The next `##` heading of the cycle.
    fn heading(&mut self) {
        self.headings += 1;
        let template = HEADINGS[self.headings % HEADINGS.len()];
        let text = upper_first(&self.fill(template, false));
        self.block(&format!("## {text}"));
    }

    /// The next bold subhead of the cycle.
    fn subhead(&mut self) {
        self.headings += 1;
        let template = SUBHEADS[self.headings % SUBHEADS.len()];
        let text = upper_first(&self.fill(template, false));
        self.block(&format!("**{text}**"));
    }

    /// A figure with no quote: a dated map.
    fn plain_figure(&mut self) {
        self.figures += 1;
        let d = self.quote_date();
        let number = self.figures;
        self.caption(
            number,
            "Map of fictional positions near the invented border",
            d,
        );
    }
    /// The whole body: intro, headings, quote patterns, fillers and figures, until the
    /// piece holds `target` statements.
    pub(super) fn body(&mut self, target: usize) {
        self.intro();
        self.heading();
        let mut terms: Vec<&str> = (0..self.dice.below(3))
            .map(|_| *self.dice.pick(&TERMS))
            .collect();
        let mut since_heading = 0;
        while self.truth.len() < target {
            if since_heading >= 2 && self.dice.chance(50) {
                if self.dice.chance(50) {
                    self.subhead()
                } else {
                    self.heading()
                }
                since_heading = 0;
            }
            self.pattern();
            since_heading += 1;
            if self.dice.chance(40) {
                let term = if self.dice.chance(50) {
                    terms.pop()
                } else {
                    None
                };
                self.filler(term);
            }
            if self.dice.chance(8) {
                self.plain_figure();
            }
        }
        while let Some(term) = terms.pop() {
            self.filler(Some(term));
        }
        self.end_para();
    }
}
