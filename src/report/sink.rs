//! Where a report's blocks go: Markdown or HTML, written to the writer as they come.

use std::io::{self, Write};

/// The blocks a report is made of. Renderers write each block as it arrives, so a report of any
/// size streams through a bounded buffer.
pub(crate) trait Sink {
    fn begin(&mut self, title: &str) -> io::Result<()>;
    fn heading(&mut self, level: u8, text: &str) -> io::Result<()>;
    fn paragraph(&mut self, text: &str) -> io::Result<()>;
    /// A two-column table of labelled values.
    fn fields(&mut self, rows: &[(&str, String)]) -> io::Result<()>;
    fn table(&mut self, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()>;
    fn list(&mut self, items: &[String]) -> io::Result<()>;
    fn end(&mut self) -> io::Result<()>;
}

/// Escapes text for Markdown: HTML metacharacters become entities (Markdown renderers pass raw
/// HTML through), and characters with Markdown meaning are backslash-escaped.
pub(crate) fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
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

    fn fields(&mut self, rows: &[(&str, String)]) -> io::Result<()> {
        writeln!(self.0, "| | |\n|---|---|")?;
        for (label, value) in rows {
            writeln!(
                self.0,
                "| **{}** | {} |",
                markdown_escape(label),
                markdown_escape(value)
            )?;
        }
        writeln!(self.0)
    }

    fn table(&mut self, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
        let header: Vec<String> = headers.iter().map(|h| markdown_escape(h)).collect();
        writeln!(self.0, "| {} |", header.join(" | "))?;
        writeln!(self.0, "|{}", "---|".repeat(headers.len()))?;
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| markdown_escape(c)).collect();
            writeln!(self.0, "| {} |", cells.join(" | "))?;
        }
        writeln!(self.0)
    }

    fn list(&mut self, items: &[String]) -> io::Result<()> {
        for item in items {
            writeln!(self.0, "- {}", markdown_escape(item))?;
        }
        writeln!(self.0)
    }

    fn end(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}\
h1{font-size:1.6rem;border-bottom:2px solid #1a1a1a;padding-bottom:.3rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #999}h3{font-size:1.1rem;margin-top:1.5rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}\
th{background:#eef1f4}table.fields th{width:28%}tr:nth-child(even) td{background:#fafafa}ul{margin:.3rem 0 1rem}\
@media print{body{max-width:none;margin:0;font-size:10pt}h2,h3{page-break-after:avoid}tr{page-break-inside:avoid}th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

pub(crate) struct Html<W: Write>(pub W);

impl<W: Write> Sink for Html<W> {
    fn begin(&mut self, title: &str) -> io::Result<()> {
        let title = html_escape(title);
        write!(
            self.0,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
        )
    }

    fn heading(&mut self, level: u8, text: &str) -> io::Result<()> {
        let level = level.clamp(1, 6);
        writeln!(self.0, "<h{level}>{}</h{level}>", html_escape(text))
    }

    fn paragraph(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.0, "<p>{}</p>", html_escape(text))
    }

    fn fields(&mut self, rows: &[(&str, String)]) -> io::Result<()> {
        writeln!(self.0, "<table class=\"fields\">")?;
        for (label, value) in rows {
            writeln!(
                self.0,
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                html_escape(label),
                html_escape(value)
            )?;
        }
        writeln!(self.0, "</table>")
    }

    fn table(&mut self, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
        write!(self.0, "<table>\n<thead><tr>")?;
        for header in headers {
            write!(self.0, "<th scope=\"col\">{}</th>", html_escape(header))?;
        }
        writeln!(self.0, "</tr></thead>\n<tbody>")?;
        for row in rows {
            write!(self.0, "<tr>")?;
            for cell in row {
                write!(self.0, "<td>{}</td>", html_escape(cell))?;
            }
            writeln!(self.0, "</tr>")?;
        }
        writeln!(self.0, "</tbody>\n</table>")
    }

    fn list(&mut self, items: &[String]) -> io::Result<()> {
        writeln!(self.0, "<ul>")?;
        for item in items {
            writeln!(self.0, "<li>{}</li>", html_escape(item))?;
        }
        writeln!(self.0, "</ul>")
    }

    fn end(&mut self) -> io::Result<()> {
        writeln!(self.0, "</body>\n</html>")?;
        self.0.flush()
    }
}

/// Neutralises a CSV cell against formula injection (a leading `=`, `+`, `-`, `@`, tab or
/// carriage return is prefixed with `'`) and quotes it per RFC 4180 where needed.
pub(crate) fn csv_cell(text: &str) -> String {
    let neutral = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if neutral.contains([',', '"', '\n', '\r'])
        || neutral.starts_with(' ')
        || neutral.ends_with(' ')
    {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}
