//! The diff in words: Markdown and HTML through the reports' sinks.

use std::io;

use super::Diff;
use crate::report::sink::Sink;

impl Diff {
    pub(super) fn blocks(
        &self,
        old_name: &str,
        new_name: &str,
        sink: &mut dyn Sink,
    ) -> io::Result<()> {
        sink.begin(&format!("Register changes: {old_name} to {new_name}"))?;
        let count = self.changes.len();
        sink.paragraph(&match count {
            0 => "No changes.".to_owned(),
            1 => "1 change.".to_owned(),
            n => format!("{n} changes."),
        })?;
        if self.changes.iter().any(|c| c.summary.contains("renamed")) {
            sink.paragraph(
                "Items are matched by id: an item whose id was renamed shows as removed and added.",
            )?;
        }
        for (scope, changes) in self.groups() {
            sink.heading(2, scope)?;
            let items: Vec<String> = changes.iter().map(|c| c.summary.clone()).collect();
            sink.list(&items)?;
        }
        if let Some(findings) = &self.findings {
            let date = findings
                .as_of
                .map(|d| format!(" (as of {d})"))
                .unwrap_or_default();
            for (title, list) in [
                ("Findings introduced", &findings.introduced),
                ("Findings resolved", &findings.resolved),
            ] {
                sink.heading(2, &format!("{title}{date}: {}", list.len()))?;
                if list.is_empty() {
                    sink.paragraph("None.")?;
                    continue;
                }
                let rows: Vec<Vec<Vec<String>>> = list
                    .iter()
                    .map(|f| {
                        vec![
                            vec![f.severity.to_string()],
                            vec![f.rule.to_owned()],
                            vec![f.path.clone()],
                            vec![f.message.clone()],
                            vec![f.citation.clone()],
                        ]
                    })
                    .collect();
                sink.table(
                    &format!("{title}{date}"),
                    &["severity", "rule", "where", "finding", "cites"],
                    &rows,
                )?;
            }
        }
        sink.end()
    }
}
