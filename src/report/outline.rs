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
