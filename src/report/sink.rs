//! Where a report's blocks go: Markdown or HTML, written to the writer as they come.

use std::io::{self, Write};

use crate::validate::{Finding, Severity};

/// One cell of a table: its items, each shown on a line of its own, so that values are never
/// joined with a separator they may themselves contain.
pub(crate) type Cell = Vec<String>;

/// One labelled row of a fields table.
pub(crate) type Field = (&'static str, Cell);

/// The header of a table column that holds rule ids.
pub(crate) const RULE: &str = "Rule";

/// The header of the column of findings beside a table's rows.
pub(crate) const FINDINGS: &str = "Findings";

/// The findings about one row of a table, shown beside it.
pub(crate) type Marks<'f> = Vec<&'f Finding>;

/// How a finding shown beside a row is marked, in words, so that the mark survives print and
/// needs no colour: "Error", "Warning", "Information", or "Accepted error" where the
/// organisation's policy accepts it.
pub(crate) fn mark_label(f: &Finding) -> String {
    let severity = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "information",
    };
    if f.is_suppressed() {
        format!("Accepted {severity}")
    } else {
        crate::model::labels::capital(severity)
    }
}

/// The text after a mark: the message, the provision, and the policy's reason where it accepts
/// the finding.
fn mark_text(f: &Finding) -> String {
    let mut text = format!("{} ({})", f.message, f.citation);
    if let Some(note) = f.policy.as_ref().filter(|n| n.suppressed) {
        text.push_str(&format!(
            " Accepted by the organisation's policy: {}",
            note.reason
        ));
    }
    text
}

/// The CSS class of a finding's mark.
fn mark_class(f: &Finding) -> &'static str {
    match (f.severity, f.is_suppressed()) {
        (_, true) => "finding accepted",
        (Severity::Error, false) => "finding error",
        (Severity::Warning, false) => "finding warning",
        (Severity::Info, false) => "finding info",
    }
}

/// The blocks a report is made of. Renderers write each block as it arrives, so a report of any
/// size streams through a bounded buffer.
pub(crate) trait Sink {
    fn begin(&mut self, title: &str) -> io::Result<()>;
    fn heading(&mut self, level: u8, text: &str) -> io::Result<()>;
    /// The heading of one processing activity: a level-3 heading that a printed report starts
    /// on a new page.
    fn activity(&mut self, name: &str) -> io::Result<()> {
        self.heading(3, name)
    }
    fn paragraph(&mut self, text: &str) -> io::Result<()>;
    /// A two-column table of labelled values, each value one or more items shown one per line.
    fn fields(&mut self, caption: &str, rows: &[Field]) -> io::Result<()> {
        self.marked_fields(caption, rows, &[])
    }
    /// A fields table with the findings about each row shown in it, after its value: `marks[i]`
    /// are those of `rows[i]` (rows past the end of `marks` have none).
    fn marked_fields(
        &mut self,
        caption: &str,
        rows: &[Field],
        marks: &[Marks<'_>],
    ) -> io::Result<()>;
    /// A table with a header row, written whole; each cell is one or more items shown one per
    /// line. A column headed [`RULE`] holds rule ids, which must not break across lines.
    fn table(&mut self, caption: &str, headers: &[&str], rows: &[Vec<Cell>]) -> io::Result<()> {
        self.table_start(caption, headers)?;
        for row in rows {
            self.table_row(row)?;
        }
        self.table_end()
    }
    /// A table written row by row, so that one of any length streams: its caption and header
    /// row ...
    fn table_start(&mut self, caption: &str, headers: &[&str]) -> io::Result<()>;
    /// ... each of its rows ...
    fn table_row(&mut self, row: &[Cell]) -> io::Result<()>;
    /// ... or a row with a last cell of the findings about it (under a [`FINDINGS`] header) ...
    fn marked_table_row(&mut self, row: &[Cell], marks: &[&Finding]) -> io::Result<()>;
    /// ... and its end.
    fn table_end(&mut self) -> io::Result<()>;
    fn list(&mut self, items: &[String]) -> io::Result<()>;
    /// A note for whoever edits the report before it is published, set apart in a marked box
    /// that register text cannot imitate.
    fn editor_note(&mut self, text: &str) -> io::Result<()>;
    fn end(&mut self) -> io::Result<()>;
}

/// The words that open an editor's note.
pub(crate) const EDITOR_NOTE: &str = "For the editor, not for publication:";

/// Whether a character is a Unicode bidirectional control, which can reorder the text around it
/// (the embeddings and overrides U+202A-202E, the isolates U+2066-2069, and the marks U+200E,
/// U+200F and U+061C).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Writes a bidi control as visible text, `[U+202E]`, so that a report shows it without obeying it.
fn push_bidi_visible(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let _ = write!(out, "[U+{:04X}]", u32::from(c));
}

/// Escapes text for Markdown: HTML metacharacters become entities (Markdown renderers pass raw
/// HTML through), characters with Markdown meaning are backslash-escaped, line breaks become
/// spaces, and what would open a block at the start of a line (a fence, a list marker, a
/// thematic break or setext underline, a quote, indentation) is escaped, so user text cannot
/// change the report's structure. Bidi controls are shown as `[U+202E]`.
pub(crate) fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Leading whitespace would indent a code block (line breaks become spaces, control
    // characters are dropped); as entities it is text.
    let body = text.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    for c in text[..text.len() - body.len()].chars() {
        match c {
            '\t' => out.push_str("&#9;"),
            ' ' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push_str("&#32;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    // An ordered-list marker: up to nine digits then `.` or `)`.
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let list_number = (1..=9).contains(&digits) && body[digits..].starts_with(['.', ')']);
    for (i, c) in body.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // Block syntax at the line's start: `-`/`+` lists and breaks, `=` setext underlines.
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if list_number && i == digits => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_bidi_control(c) => {
                // Escaped brackets: `[U+202E]` could otherwise open a link reference.
                out.push('\\');
                push_bidi_visible(&mut out, c);
                out.insert(out.len() - 1, '\\');
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values. Bidi controls are shown as
/// `[U+202E]`.
pub(crate) fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_bidi_control(c) => push_bidi_visible(&mut out, c),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// A Markdown table cell: one item as it is, several as bulleted lines (a line break is the
/// only way to start a line inside a table cell).
fn markdown_cell(items: &[String]) -> String {
    match items {
        [one] => markdown_escape(one),
        items => items
            .iter()
            .map(|item| format!("• {}", markdown_escape(item)))
            .collect::<Vec<_>>()
            .join("<br>"),
    }
}

/// A Markdown cell with the findings about it after its items, each on a line of its own and
/// marked in bold, which escaped register text cannot produce.
fn markdown_marked_cell(items: &[String], marks: &[&Finding]) -> String {
    let mut cell = markdown_cell(items);
    for f in marks {
        if !cell.is_empty() {
            cell.push_str("<br>");
        }
        cell.push_str(&format!(
            "**{}** `{}`: {}",
            mark_label(f),
            f.rule,
            markdown_escape(&mark_text(f))
        ));
    }
    cell
}

pub(crate) struct Markdown<W: Write>(pub W);

impl<W: Write> Sink for Markdown<W> {
    fn begin(&mut self, title: &str) -> io::Result<()> {
        writeln!(self.0, "# {}\n", markdown_escape(title))
    }

    fn heading(&mut self, level: u8, text: &str) -> io::Result<()> {
        let hashes = "#".repeat(usize::from(level.clamp(1, 6)));
        writeln!(self.0, "{hashes} {}\n", markdown_escape(text))
    }

    fn paragraph(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.0, "{}\n", markdown_escape(text))
    }

    fn marked_fields(
        &mut self,
        _caption: &str,
        rows: &[Field],
        marks: &[Marks<'_>],
    ) -> io::Result<()> {
        // The heading above the table says what it is; Markdown tables have no caption.
        writeln!(self.0, "| | |\n|---|---|")?;
        for (i, (label, value)) in rows.iter().enumerate() {
            let marks = marks.get(i).map_or(&[][..], Vec::as_slice);
            writeln!(
                self.0,
                "| **{}** | {} |",
                markdown_escape(label),
                markdown_marked_cell(value, marks)
            )?;
        }
        writeln!(self.0)
    }

    fn table_start(&mut self, _caption: &str, headers: &[&str]) -> io::Result<()> {
        let header: Vec<String> = headers.iter().map(|h| markdown_escape(h)).collect();
        writeln!(self.0, "| {} |", header.join(" | "))?;
        writeln!(self.0, "|{}", "---|".repeat(headers.len()))
    }

    fn table_row(&mut self, row: &[Cell]) -> io::Result<()> {
        let cells: Vec<String> = row.iter().map(|c| markdown_cell(c)).collect();
        writeln!(self.0, "| {} |", cells.join(" | "))
    }

    fn marked_table_row(&mut self, row: &[Cell], marks: &[&Finding]) -> io::Result<()> {
        let mut cells: Vec<String> = row.iter().map(|c| markdown_cell(c)).collect();
        cells.push(markdown_marked_cell(&[], marks));
        writeln!(self.0, "| {} |", cells.join(" | "))
    }

    fn table_end(&mut self) -> io::Result<()> {
        writeln!(self.0)
    }

    fn list(&mut self, items: &[String]) -> io::Result<()> {
        for item in items {
            writeln!(self.0, "- {}", markdown_escape(item))?;
        }
        writeln!(self.0)
    }

    fn editor_note(&mut self, text: &str) -> io::Result<()> {
        // A quote block: escaped register text cannot open one.
        writeln!(self.0, "> **{EDITOR_NOTE}** {}\n", markdown_escape(text))
    }

    fn end(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45;overflow-wrap:break-word}\
h1{font-size:1.6rem;border-bottom:2px solid #1a1a1a;padding-bottom:.3rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #999}h3{font-size:1.1rem;margin-top:1.5rem}\
.scroll{overflow-x:auto;margin:.5rem 0 1rem}.scroll:focus{outline:2px solid #1a5fb4}\
table{border-collapse:collapse;width:100%;font-size:.9rem}table.wide{min-width:46rem}table.wide td{min-width:9rem}caption{text-align:left;font-weight:600;padding:.2rem 0}\
th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}\
th{background:#eef1f4}table.fields th{width:28%;overflow-wrap:normal}tr:nth-child(even) td{background:#fafafa}ul{margin:.3rem 0 1rem}td ul{margin:0;padding-left:1.1rem}\
.rule{white-space:nowrap;overflow-wrap:normal}a{color:#1a5fb4}\
.cover{border:1px solid #bbb;padding:.5rem 1rem;margin:1rem 0}.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}.cover dt{font-weight:600}.cover dd{margin:0}nav.contents li{margin:.15rem 0}nav.contents a{display:inline-block;min-height:24px;line-height:24px}nav.contents li.l3{list-style:circle}\
.editor{margin:.6rem 0;padding:.4rem .6rem;border:2px dashed #9c5200;background:#fff8e8}.finding{margin-top:.35rem;padding:.2rem .45rem;border-left:4px solid #555;background:#f3f3f3}.finding.error{border-color:#a51d2d;background:#fdeceb}.finding.warning{border-color:#9c5200;background:#fff3df}.finding.accepted{border-left-style:dashed}.finding .rule{white-space:normal;font-family:ui-monospace,monospace;font-size:.85em}\
@media print{body{max-width:none;margin:0;font-size:10pt}.printed h2{break-before:page}.printed nav h2{break-before:auto}.printed h3.activity{break-before:page}.printed h2+h3.activity{break-before:auto}.scroll{overflow:visible}h2,h3{page-break-after:avoid}tr{page-break-inside:avoid}caption,thead{break-after:avoid}tbody tr:first-child{break-before:avoid}.rule{white-space:normal}th,.finding,.editor{-webkit-print-color-adjust:exact;print-color-adjust:exact}th{background:#eee!important}}";

/// Escapes text for HTML and makes links of the web and email addresses in it. Only `http://`,
/// `https://` and email addresses (as `mailto:`) become links, so a value such as
/// `javascript:alert(1)` stays text.
pub(crate) fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // A token is a run of characters that are neither whitespace nor brackets.
        let start = rest
            .find(|c: char| !(c.is_whitespace() || "()<>\"'".contains(c)))
            .unwrap_or(rest.len());
        out.push_str(&html_escape(&rest[..start]));
        rest = &rest[start..];
        let end = rest
            .find(|c: char| c.is_whitespace() || "()<>\"'".contains(c))
            .unwrap_or(rest.len());
        let token = &rest[..end];
        // Trailing punctuation ends the sentence, not the address.
        let address = token.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        match link_target(address) {
            Some(href) => {
                out.push_str(&format!(
                    "<a href=\"{}\">{}</a>",
                    html_escape(&href),
                    html_escape(address)
                ));
                out.push_str(&html_escape(&token[address.len()..]));
            }
            None => out.push_str(&html_escape(token)),
        }
        rest = &rest[end..];
    }
    out
}

/// Where an address links to: itself for an http(s) URL, `mailto:` for an email address, nothing
/// for anything else.
fn link_target(address: &str) -> Option<String> {
    let lower = address.to_ascii_lowercase();
    if let Some(after) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        return (!after.is_empty()).then(|| address.to_owned());
    }
    let (local, domain) = address.split_once('@')?;
    let plain = |part: &str, extra: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || extra.contains(c))
    };
    (plain(local, "._%+-")
        && plain(domain, ".-")
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.'))
    .then(|| format!("mailto:{address}"))
}

/// An HTML table cell's content: one item as text, several as a list.
fn html_cell(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => html_text(one),
        items => {
            let mut out = String::from("<ul>");
            for item in items {
                out.push_str(&format!("<li>{}</li>", html_text(item)));
            }
            out.push_str("</ul>");
            out
        }
    }
}

/// An HTML cell's content with the findings about it after its items, each in a box marked in
/// words and by its border.
fn html_marked_cell(items: &[String], marks: &[&Finding]) -> String {
    let mut cell = html_cell(items);
    for f in marks {
        cell.push_str(&format!(
            "<div class=\"{}\"><strong>{}</strong> <span class=\"rule\">{}</span>: {}</div>",
            mark_class(f),
            mark_label(f),
            f.rule,
            html_text(&mark_text(f))
        ));
    }
    cell
}

/// What a printed HTML report opens with: a cover of facts about it and its contents.
#[derive(Debug, Default)]
pub(crate) struct Front {
    /// The cover's labelled facts: organisation, report, date, version.
    pub cover: Vec<(&'static str, String)>,
    /// The report's headings of levels 2 and 3, in order, as `Outline` collects them.
    pub contents: Vec<(u8, String)>,
}

/// HTML; the position of the current table's [`RULE`] column, if it has one; the front matter;
/// and the number of section headings written so far (their anchors are `s1`, `s2`, ...).
pub(crate) struct Html<W: Write>(pub W, pub Option<usize>, Front, usize);

impl<W: Write> Html<W> {
    pub(crate) fn new(writer: W) -> Self {
        Self(writer, None, Front::default(), 0)
    }

    /// A report for print: the cover and contents after the title, each section heading an
    /// anchor the contents link to, a page break before each section and activity.
    pub(crate) fn with_front(writer: W, front: Front) -> Self {
        Self(writer, None, front, 0)
    }

    fn front_matter(&mut self) -> io::Result<()> {
        if !self.2.cover.is_empty() {
            writeln!(
                self.0,
                "<section class=\"cover\" aria-label=\"About this report\"><dl>"
            )?;
            for (label, value) in &self.2.cover {
                writeln!(
                    self.0,
                    "<dt>{}</dt><dd>{}</dd>",
                    html_escape(label),
                    html_escape(value)
                )?;
            }
            writeln!(self.0, "</dl></section>")?;
        }
        if !self.2.contents.is_empty() {
            writeln!(
                self.0,
                "<nav class=\"contents\" aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2>{}</nav>",
                super::outline::contents_html(&self.2.contents)
            )?;
        }
        Ok(())
    }
}

impl<W: Write> Html<W> {
    /// A heading; a section heading (level 2 or 3) of a report with contents is the anchor its
    /// line of the contents links to.
    fn heading_of_class(&mut self, level: u8, text: &str, class: &str) -> io::Result<()> {
        let level = level.clamp(1, 6);
        let id = if (2..=3).contains(&level) && !self.2.contents.is_empty() {
            self.3 += 1;
            format!(" id=\"s{}\"", self.3)
        } else {
            String::new()
        };
        writeln!(
            self.0,
            "<h{level}{id}{class}>{}</h{level}>",
            html_escape(text)
        )
    }

    /// A row's opening tag and its cells, the row left open.
    fn table_row_cells(&mut self, row: &[Cell]) -> io::Result<()> {
        write!(self.0, "<tr>")?;
        for (position, cell) in row.iter().enumerate() {
            if self.1 == Some(position) {
                write!(self.0, "<td class=\"rule\">{}</td>", html_cell(cell))?;
            } else {
                write!(self.0, "<td>{}</td>", html_cell(cell))?;
            }
        }
        Ok(())
    }

    /// Opens a table inside a wrapper that scrolls sideways on narrow screens (focusable, so
    /// that keyboard users can scroll it too), with its caption.
    fn open_table(&mut self, caption: &str, class: &str) -> io::Result<()> {
        let caption = html_escape(caption);
        writeln!(
            self.0,
            "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{caption}\">\n<table class=\"{class}\">\n<caption>{caption}</caption>"
        )
    }
}

impl<W: Write> Sink for Html<W> {
    fn begin(&mut self, title: &str) -> io::Result<()> {
        let title = html_escape(title);
        write!(
            self.0,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main{}>\n<h1>{title}</h1>\n",
            if self.2.contents.is_empty() {
                ""
            } else {
                " class=\"printed\""
            }
        )?;
        self.front_matter()
    }

    fn heading(&mut self, level: u8, text: &str) -> io::Result<()> {
        self.heading_of_class(level, text, "")
    }

    fn activity(&mut self, name: &str) -> io::Result<()> {
        self.heading_of_class(3, name, " class=\"activity\"")
    }

    fn paragraph(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.0, "<p>{}</p>", html_text(text))
    }

    fn marked_fields(
        &mut self,
        caption: &str,
        rows: &[Field],
        marks: &[Marks<'_>],
    ) -> io::Result<()> {
        self.open_table(caption, "fields")?;
        for (i, (label, value)) in rows.iter().enumerate() {
            let marks = marks.get(i).map_or(&[][..], Vec::as_slice);
            writeln!(
                self.0,
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                html_escape(label),
                html_marked_cell(value, marks)
            )?;
        }
        writeln!(self.0, "</table>\n</div>")
    }

    fn table_start(&mut self, caption: &str, headers: &[&str]) -> io::Result<()> {
        self.open_table(caption, if headers.len() > 3 { "wide" } else { "" })?;
        write!(self.0, "<thead><tr>")?;
        for header in headers {
            write!(self.0, "<th scope=\"col\">{}</th>", html_escape(header))?;
        }
        self.1 = headers.iter().position(|h| *h == RULE);
        writeln!(self.0, "</tr></thead>\n<tbody>")
    }

    fn table_row(&mut self, row: &[Cell]) -> io::Result<()> {
        self.table_row_cells(row)?;
        writeln!(self.0, "</tr>")
    }

    fn marked_table_row(&mut self, row: &[Cell], marks: &[&Finding]) -> io::Result<()> {
        self.table_row_cells(row)?;
        writeln!(self.0, "<td>{}</td></tr>", html_marked_cell(&[], marks))
    }

    fn table_end(&mut self) -> io::Result<()> {
        self.1 = None;
        writeln!(self.0, "</tbody>\n</table>\n</div>")
    }

    fn editor_note(&mut self, text: &str) -> io::Result<()> {
        writeln!(
            self.0,
            "<aside class=\"editor\" role=\"note\"><strong>{EDITOR_NOTE}</strong> {}</aside>",
            html_text(text)
        )
    }

    fn list(&mut self, items: &[String]) -> io::Result<()> {
        writeln!(self.0, "<ul>")?;
        for item in items {
            writeln!(self.0, "<li>{}</li>", html_text(item))?;
        }
        writeln!(self.0, "</ul>")
    }

    fn end(&mut self) -> io::Result<()> {
        writeln!(self.0, "</main>\n</body>\n</html>")?;
        self.0.flush()
    }
}

/// Whether a spreadsheet would start a formula at this character: `=`, `+`, `-`, `@` and their
/// full-width and small forms.
fn is_formula_trigger(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '-'
            | '@'
            | '\u{FF1D}'
            | '\u{FF0B}'
            | '\u{FF0D}'
            | '\u{FF20}'
            | '\u{FE66}'
            | '\u{FE62}'
            | '\u{FE63}'
            | '\u{FE6B}'
    )
}

/// Whether a spreadsheet may skip this character before looking for a formula trigger:
/// whitespace of every kind (no-break and ideographic spaces too), control characters, the BOM,
/// zero-width and other invisible format characters, and quotes (which a reader with another
/// separator may leave in front of a cell's text).
fn is_skippable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || c == '"'
        || matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{180E}' | '\u{00AD}' | '\u{034F}')
        || is_bidi_control(c)
}

/// Where a reader, with whatever separator, may start a cell inside this one's text: after a
/// `;` (the separator of most EU locales), a tab or a line break, Unicode's included (vertical
/// tab, form feed, NEL, U+2028 and U+2029, which some readers split lines at).
fn is_cell_boundary(c: char) -> bool {
    matches!(
        c,
        ';' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Neutralises a CSV cell against formula injection and quotes it per RFC 4180 where needed.
///
/// A spreadsheet reads a cell as a formula when its text begins, after invisible characters and
/// spaces, with a trigger (`=`, `+`, `-`, `@` or a full-width form). Such a cell gets a `'` in front,
/// and so does every place inside the text where a reader using `;` or tab as its separator, or
/// splitting at a line break, would start a new cell. The cell is quoted when it holds `,`, `;`,
/// `"`, a tab or a line break, or begins or ends with a space. Bidi controls are shown as
/// `[U+202E]`.
pub(crate) fn csv_cell(text: &str) -> String {
    let mut neutral = String::with_capacity(text.len() + 2);
    // While a cell may begin here: the invisible characters read since, held back so that a `'`
    // can go in front of them if a trigger follows.
    let mut pending = Some(String::new());
    for c in text.chars() {
        if let Some(held) = &mut pending {
            if is_formula_trigger(c) {
                neutral.push('\'');
                neutral.push_str(held);
                pending = None;
            } else if is_skippable(c) && !is_cell_boundary(c) {
                push_csv_char(held, c);
                continue;
            } else {
                neutral.push_str(held);
                pending = None;
            }
        }
        push_csv_char(&mut neutral, c);
        if is_cell_boundary(c) {
            pending = Some(String::new());
        }
    }
    if let Some(held) = pending {
        neutral.push_str(&held);
    }
    if neutral.contains([
        ',', ';', '"', '\t', '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
    ]) || neutral.starts_with(char::is_whitespace)
        || neutral.ends_with(char::is_whitespace)
    {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

fn push_csv_char(out: &mut String, c: char) {
    if is_bidi_control(c) {
        push_bidi_visible(out, c);
    } else {
        out.push(c);
    }
}

/// Writes text for a terminal: control characters (C0, DEL, C1), line and paragraph separators
/// and bidi controls are written as escapes (`\n`, `\t`, `\u{1b}`, `\u{202e}`), so that a value
/// cannot move the cursor, retitle or clear the terminal, start a line of its own, or reorder
/// the text around it. Everything else is written as it is.
///
/// # Examples
///
/// ```
/// let line = ropa::report::terminal_escape("Panels\n\u{1b}[2Jerror fake\u{202e}");
/// assert_eq!(line, "Panels\\n\\u{1b}[2Jerror fake\\u{202e}");
/// ```
pub fn terminal_escape(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || is_bidi_control(c);
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_char(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escape_writes_every_control_and_separator_as_an_escape() {
        assert_eq!(terminal_escape("plain: ok"), "plain: ok");
        assert!(matches!(
            terminal_escape("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            terminal_escape("a\nb\rc\td\u{7f}e\u{85}f\u{2028}g\u{2029}h\u{200f}i\u{61c}"),
            r"a\nb\rc\td\u{7f}e\u{85}f\u{2028}g\u{2029}h\u{200f}i\u{61c}"
        );
    }

    #[test]
    fn unicode_line_breaks_are_cell_boundaries_for_the_formula_guard() {
        for brk in ['\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}'] {
            let cell = csv_cell(&format!("x{brk}=1+1"));
            assert!(cell.contains(&format!("{brk}'=1+1")), "{brk:?}: {cell:?}");
            assert!(cell.starts_with('"'), "{brk:?}: quoted, {cell:?}");
        }
    }

    #[test]
    fn csv_cells_are_quoted_where_a_reader_would_split_or_trim_them() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("a\tb"), "\"a\tb\"");
        assert_eq!(csv_cell("trailing "), "\"trailing \"");
        assert_eq!(csv_cell("\u{a0}lead"), "\"\u{a0}lead\"");
        // A trigger later in the text, after no boundary, is text.
        assert_eq!(csv_cell("a=b-c"), "a=b-c");
        assert_eq!(csv_cell("\u{FEFF}\u{200B} =1"), "'\u{FEFF}\u{200B} =1");
        assert_eq!(csv_cell("x;\u{3000}\u{FF1D}1"), "\"x;'\u{3000}\u{FF1D}1\"");
    }

    #[test]
    fn markdown_escapes_only_what_opens_a_block() {
        assert_eq!(markdown_escape("1. x"), r"1\. x");
        assert_eq!(markdown_escape("123456789) x"), r"123456789\) x");
        // Ten digits cannot open a list.
        assert_eq!(markdown_escape("1234567890. x"), "1234567890. x");
        assert_eq!(markdown_escape("1.5 years"), r"1\.5 years");
        assert_eq!(markdown_escape("a - b = c"), "a - b = c");
        assert_eq!(markdown_escape("\n\t  x"), "&#32;&#9;&#32;&#32;x");
        assert_eq!(markdown_escape("a\u{202E}b"), r"a\[U+202E\]b");
    }
}
