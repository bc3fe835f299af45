//! The trailing lists of a saved page: PART OF A SERIES, RECOMMENDED, TOPICS, REGIONS.

use super::super::markdown::Block;
use super::super::model::Related;
use super::{PageParser, Section, bare_target};

impl PageParser {
    pub(super) fn related(&mut self, block: &Block) {
        let text = block.text.trim();
        if let Some(target) = bare_target(text) {
            if let Some(related) = self
                .pending_related
                .take()
                .and_then(|i| self.piece.related.get_mut(i))
            {
                related.target = target.to_string();
            }
            return;
        }
        let section = if self.section == Section::Series {
            "series"
        } else {
            "recommended"
        };
        let Some(run) = block.first_link() else {
            return;
        };
        if block.heading == Some(3)
            && section == "series"
            && run
                .target
                .as_deref()
                .is_some_and(|t| t.contains("/series/"))
        {
            let name = block.text[run.start..run.end].trim().to_string();
            if !self.piece.series.contains(&name) {
                self.piece.series.push(name);
            }
            return;
        }
        self.push_related(block, section);
    }

    pub(super) fn push_related(&mut self, block: &Block, section: &str) {
        let Some(run) = block.runs.iter().find(|r| r.end > r.start) else {
            return;
        };
        let title = block.text[run.start..run.end].trim().to_string();
        let target = run.target.clone().unwrap_or_default();
        self.pending_related = target.is_empty().then_some(self.piece.related.len());
        self.piece.related.push(Related {
            title,
            target,
            section: section.to_string(),
        });
    }

    pub(super) fn label(&mut self, block: &Block) {
        let list = if self.section == Section::Topics {
            &mut self.piece.topics
        } else {
            &mut self.piece.regions
        };
        let name = block
            .first_link()
            .map_or(block.text.trim(), |r| block.text[r.start..r.end].trim());
        if !name.is_empty() && !list.iter().any(|t| t == name) {
            list.push(name.to_string());
        }
    }
}

pub(super) fn trailer_section(block: &Block) -> Option<Section> {
    if block.heading != Some(2) {
        return None;
    }
    match block.text.trim().to_ascii_uppercase().as_str() {
        "PART OF A SERIES" => Some(Section::Series),
        "RECOMMENDED" => Some(Section::Recommended),
        "TOPICS" => Some(Section::Topics),
        "REGIONS & COUNTRIES" | "REGIONS" => Some(Section::Regions),
        _ => None,
    }
}
