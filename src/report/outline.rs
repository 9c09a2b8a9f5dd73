//! The outline of a report: its section headings, collected by rendering it once into a sink
//! that keeps nothing else, for the contents of a printed report.

use std::io;

use super::sink::{Cell, Field, Marks, Sink};
use crate::validate::Finding;

/// A sink that keeps only the section headings (levels 2 and 3), for the contents of a printed
/// report: the report is rendered once into it, then once for real.
#[derive(Debug, Default)]
pub(crate) struct Outline(pub Vec<(u8, String)>);

impl Sink for Outline {
    fn begin(&mut self, _title: &str) -> io::Result<()> {
        Ok(())
    }
    fn heading(&mut self, level: u8, text: &str) -> io::Result<()> {
        if (2..=3).contains(&level) {
            self.0.push((level, text.to_owned()));
        }
        Ok(())
    }
    fn paragraph(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
    fn marked_fields(&mut self, _: &str, _: &[Field], _: &[Marks<'_>]) -> io::Result<()> {
        Ok(())
    }
    fn table_start(&mut self, _caption: &str, _headers: &[&str]) -> io::Result<()> {
        Ok(())
    }
    fn table_row(&mut self, _row: &[Cell]) -> io::Result<()> {
        Ok(())
    }
    fn marked_table_row(&mut self, _row: &[Cell], _marks: &[&Finding]) -> io::Result<()> {
        Ok(())
    }
    fn table_end(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn list(&mut self, _items: &[String]) -> io::Result<()> {
        Ok(())
    }
    fn editor_note(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The contents of a printed HTML report: a numbered list of sections, each with the activities
/// (level 3) under it as a list of its own, so that they take no number of the sections'.
/// Entry `i` links to anchor `s{i+1}`, as the headings are numbered in the order they are written.
pub(crate) fn contents_html(contents: &[(u8, String)]) -> String {
    let mut out = String::from("<ol>\n");
    let (mut item_open, mut nested_open) = (false, false);
    for (i, (level, text)) in contents.iter().enumerate() {
        let link = format!(
            "<a href=\"#s{}\">{}</a>",
            i + 1,
            super::sink::html_escape(text)
        );
        if *level > 2 && item_open {
            if !nested_open {
                out.push_str("<ul>\n");
                nested_open = true;
            }
            out.push_str(&format!("<li class=\"l{level}\">{link}</li>\n"));
            continue;
        }
        if nested_open {
            out.push_str("</ul>");
            nested_open = false;
        }
        if item_open {
            out.push_str("</li>\n");
        }
        out.push_str(&format!("<li class=\"l{level}\">{link}"));
        item_open = true;
    }
    if nested_open {
        out.push_str("</ul>");
    }
    if item_open {
        out.push_str("</li>\n");
    }
    out.push_str("</ol>");
    out
}

#[cfg(test)]
mod tests {
    use super::contents_html;

    #[test]
    fn activities_are_a_list_inside_their_section_and_take_no_section_number() {
        let contents = [
            (2, "Controller".to_owned()),
            (2, "Activities".to_owned()),
            (3, "A & B".to_owned()),
            (3, "C".to_owned()),
            (2, "Parties".to_owned()),
        ];
        assert_eq!(
            contents_html(&contents),
            "<ol>\n<li class=\"l2\"><a href=\"#s1\">Controller</a></li>\n\
             <li class=\"l2\"><a href=\"#s2\">Activities</a><ul>\n\
             <li class=\"l3\"><a href=\"#s3\">A &amp; B</a></li>\n\
             <li class=\"l3\"><a href=\"#s4\">C</a></li>\n</ul></li>\n\
             <li class=\"l2\"><a href=\"#s5\">Parties</a></li>\n</ol>"
        );
        // An activity heading before any section is a line of its own, never a list in a list.
        assert_eq!(
            contents_html(&[(3, "Lone".to_owned())]),
            "<ol>\n<li class=\"l3\"><a href=\"#s1\">Lone</a></li>\n</ol>"
        );
        assert_eq!(contents_html(&[]), "<ol>\n</ol>");
    }
}
