//! A one-line text field with a cursor: the query line and the sidebar filter.

/// Text and a cursor, edited with readline-like keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Editor {
    text: String,
    /// Byte offset of the cursor, always on a character boundary.
    cursor: usize,
}

impl Editor {
    /// Applies an editing action (typing, paste, deletion, cursor moves); whether it was one.
    pub fn apply(&mut self, action: &super::Action) -> bool {
        use super::Action;
        match action {
            Action::Insert(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            Action::Paste(text) => self.insert(text),
            Action::Backspace => self.backspace(),
            Action::Delete => self.delete(),
            Action::DeleteWord => self.delete_word(),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::LineStart => self.home(),
            Action::LineEnd => self.end(),
            _ => return false,
        }
        true
    }

    /// A field holding `text`, with the cursor at its end.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    /// The text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset of the cursor in [`Editor::text`].
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text and puts the cursor at its end.
    pub fn set(&mut self, text: &str) {
        text.clone_into(&mut self.text);
        self.cursor = self.text.len();
    }

    /// Inserts text at the cursor; line breaks and other controls become spaces, so a paste
    /// never splits the one-line field.
    pub fn insert(&mut self, text: &str) {
        let clean: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    /// Deletes the word before the cursor and the spaces after it, like readline's Ctrl-w.
    pub fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Moves the cursor one character left.
    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Empties the field.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_and_deletes_around_the_cursor_in_arabic_too() {
        let mut e = Editor::new("العامري");
        e.left();
        e.backspace();
        e.insert("x");
        assert_eq!(e.text(), "العامxي");
        e.delete();
        assert_eq!(e.text(), "العامx");
        e.home();
        e.insert("@");
        assert_eq!(e.text(), "@العامx");
        assert_eq!(e.cursor(), 1);
    }

    #[test]
    fn delete_word_removes_the_last_word_and_its_trailing_spaces() {
        let mut e = Editor::new("@badr said  ");
        e.delete_word();
        assert_eq!(e.text(), "@badr ");
        e.delete_word();
        assert_eq!(e.text(), "");
        e.delete_word();
        assert_eq!(e.text(), "");
    }

    #[test]
    fn pasted_line_breaks_become_spaces() {
        let mut e = Editor::default();
        e.insert("a\r\nb\tc");
        assert_eq!(e.text(), "a  b c");
    }

    #[test]
    fn cursor_stops_at_both_ends() {
        let mut e = Editor::new("ab");
        e.right();
        assert_eq!(e.cursor(), 2);
        e.home();
        e.left();
        e.backspace();
        assert_eq!((e.text(), e.cursor()), ("ab", 0));
        e.end();
        e.clear();
        assert_eq!((e.text(), e.cursor()), ("", 0));
    }
}
