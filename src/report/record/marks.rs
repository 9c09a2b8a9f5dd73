//! Where each finding is shown in the Art 30 record: beside the row it concerns, so that a gap
//! the law requires filled ("Contact details: Not stated", an error) reads differently from an
//! optional one ("Business function: Not stated", no finding).

use crate::model::Register;
use crate::report::sink::{Field, Marks};
use crate::validate::{Finding, ValidationReport};

/// The row, in an activity's record, of the findings no row of it concerns.
pub(crate) const ACTIVITY_AS_A_WHOLE: &str = "Findings about the activity as a whole";

/// The row, in the organisation's table, of the findings about the register as a whole.
pub(crate) const REGISTER_AS_A_WHOLE: &str = "Findings about the register as a whole";

/// The findings of a register, sorted by what they concern: each once, in validation order.
#[derive(Default)]
pub(crate) struct Placed<'f> {
    /// About the organisation or the register as a whole, with the header row each concerns.
    pub register: Vec<(&'static str, &'f Finding)>,
    /// About each activity, by its index, with the row each concerns.
    pub activities: Vec<Vec<(&'static str, &'f Finding)>>,
    /// About each party, by its index.
    pub parties: Vec<Marks<'f>>,
    /// About each document, by its index.
    pub documents: Vec<Marks<'f>>,
    /// About the register-wide recipients, with the row each concerns.
    pub recipients: Vec<(&'static str, &'f Finding)>,
}

impl<'f> Placed<'f> {
    /// Sorts every finding of `report` by the part of `register` its pointer points into.
    pub(crate) fn new(register: &Register, report: &'f ValidationReport) -> Self {
        let mut placed = Placed {
            activities: vec![Vec::new(); register.activities.len()],
            parties: vec![Vec::new(); register.parties.len()],
            documents: vec![Vec::new(); register.documents.len()],
            ..Placed::default()
        };
        let organisation = register
            .parties
            .iter()
            .position(|p| p.id == register.organisation);
        for f in &report.findings {
            placed.place(f, organisation);
        }
        placed
    }

    fn place(&mut self, f: &'f Finding, organisation: Option<usize>) {
        let mut segments = f.path.split('/').skip(1);
        let part = segments.next().unwrap_or_default();
        let index = segments.next().and_then(|i| i.parse::<usize>().ok());
        let rest: Vec<&str> = segments.collect();
        let within = |len: usize| index.filter(|i| *i < len);
        match part {
            "activities" => match within(self.activities.len()) {
                Some(i) => self.activities[i].push((activity_row(f.rule, &rest), f)),
                None => self.register.push((REGISTER_AS_A_WHOLE, f)),
            },
            "parties" if index.is_some() && index == organisation && rest.is_empty() => {
                self.register.push((register_row(f.rule), f));
            }
            "parties" => match within(self.parties.len()) {
                Some(i) => self.parties[i].push(f),
                None => self.register.push((REGISTER_AS_A_WHOLE, f)),
            },
            "documents" => match within(self.documents.len()) {
                Some(i) => self.documents[i].push(f),
                None => self.register.push((REGISTER_AS_A_WHOLE, f)),
            },
            "recipients" => self.recipients.push((recipient_row(f.rule), f)),
            _ => self.register.push((register_row(f.rule), f)),
        }
    }
}

/// The marks of each row: each finding beside the row it names. A row the table leaves out (a
/// processor's record drops the controller's empty entries) is added, empty but for its
/// findings; those that name no row go on a last row of `whole`.
pub(crate) fn mark_rows<'f>(
    rows: &mut Vec<Field>,
    findings: &[(&'static str, &'f Finding)],
    whole: &'static str,
) -> Vec<Marks<'f>> {
    let mut marks: Vec<Marks<'f>> = vec![Vec::new(); rows.len()];
    // A label's row, found through a map built once: a record has a few dozen rows, and an
    // activity may have any number of findings.
    let mut positions: std::collections::HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .rev()
        .map(|(i, (label, _))| (*label, i))
        .collect();
    let mut added: Vec<(&'static str, Marks<'f>)> = Vec::new();
    for &(label, f) in findings {
        match positions.get(label) {
            Some(&i) if i < marks.len() => marks[i].push(f),
            Some(&i) => added[i - marks.len()].1.push(f),
            None => {
                positions.insert(label, marks.len() + added.len());
                added.push((label, vec![f]));
            }
        }
    }
    // The row of the whole goes last.
    added.sort_by_key(|(label, _)| *label == whole);
    for (label, found) in added {
        rows.push((label, Vec::new()));
        marks.push(found);
    }
    marks
}

/// The row of the organisation's table a finding about the register concerns.
fn register_row(rule: &str) -> &'static str {
    match rule {
        "missing-controller-contact" => "Contact details",
        "missing-dpo" | "dpo-without-contact" | "dpo-conflict-of-interest" => {
            "Data protection officer"
        }
        "missing-representative" => "Representative (Art 27)",
        // The age of digital consent assumed for want of a member state follows the regime.
        "eu-regime-for-uk-organisation" | "child-consent-age-assumed" => "Regime",
        "review-overdue" => "Next review",
        "missing-complaints-procedure" => "Complaints procedure",
        _ => REGISTER_AS_A_WHOLE,
    }
}

/// The row of the register-wide recipients' table a finding about one of them concerns.
fn recipient_row(rule: &str) -> &'static str {
    match rule {
        "processor-without-contract" => "Link to contract with processor",
        _ => "Categories of recipients",
    }
}

/// The row of an activity's record a finding concerns, from its rule and, where one rule
/// concerns several rows, the part of the activity its pointer names (`rest`, after the index).
fn activity_row(rule: &str, rest: &[&str]) -> &'static str {
    let part = rest.first().copied().unwrap_or_default();
    if let Some(row) = content_row(rule) {
        return row;
    }
    match rule {
        "processor-without-contract" if part == "on_behalf_of" => {
            "Contract with the controller (Art 28(3))"
        }
        "processor-without-contract" => "Link to contract with processor",
        "processor-record-incomplete" | "processor-on-own-behalf" => {
            "Name and contact details of the controller"
        }
        "sub-processor-without-authorisation" => "Sub-processors",
        "purpose-without-lawful-basis"
        | "multiple-lawful-bases"
        | "basis-without-legal-source"
        | "public-authority-legitimate-interests"
        | "recognised-legitimate-interest-outside-uk"
        | "recognised-legitimate-interest-without-condition"
        | "recognised-legitimate-interest-before-commencement" => "Article 6 lawful basis",
        "legitimate-interests-without-assessment" => {
            "Link to record of legitimate interests assessment"
        }
        "consent-without-record"
        | "implied-consent"
        | "conditional-consent"
        | "child-consent-age"
        | "child-consent-age-assumed" => "Link to record of consent",
        "special-category-without-condition"
        | "implied-consent-for-special-category"
        | "condition-not-special-category" => "Article 9 condition",
        "criminal-offence-data-without-authority" => {
            "Article 10 authority for criminal offence data"
        }
        "schedule-1-condition-missing"
        | "schedule-1-condition-mismatch"
        | "schedule-1-condition-out-of-scope"
        | "para-41-record-incomplete" => "DPA 2018 Schedule 1 condition for processing",
        "appropriate-policy-document-missing" => "Link to retention and erasure policy document",
        "transfer-without-mechanism"
        | "derogation-not-specified"
        | "adequacy-not-recognised"
        | "derogation-by-public-authority"
        | "derogation-used-for-regular-transfer"
        | "compelling-interests-undocumented"
        | "eu-sccs-without-uk-addendum"
        | "transfer-without-risk-assessment" => "Safeguards for exceptional transfers",
        "transfer-destination-unnamed"
        | "recipient-outside-without-transfer"
        | "transfer-country-mismatch"
        | "publication-recorded-as-transfer" => {
            "Names of third countries or international organisations"
        }
        "missing-retention"
        | "data-category-without-retention"
        | "indefinite-retention"
        | "retention-period-elapsed" => "Retention schedule",
        "missing-security-measures" => {
            "General description of technical and organisational security measures"
        }
        "automated-decision-without-basis" | "automated-decision-safeguards-missing" => {
            "Existence of automated decision-making, including profiling"
        }
        "dpia-expected" => "Data Protection Impact Assessment required?",
        "stated-right-not-available" | "available-right-not-stated" => {
            "Rights the privacy notice states"
        }
        "joint-controller-without-arrangement" | "missing-controller-contact" => {
            "Name and contact details of joint controller"
        }
        "disclosure-without-ground" | "recipient-role-contradicts-party" => {
            "Categories of recipients"
        }
        "breach-record-incomplete" => "Link to record of personal data breach",
        _ => ACTIVITY_AS_A_WHOLE,
    }
}

/// The row of a finding about what the activity processes: its purposes, people, data and sources.
fn content_row(rule: &str) -> Option<&'static str> {
    Some(match rule {
        "activity-without-purpose" => "Purpose of processing",
        "activity-without-data-subjects" => "Categories of individuals",
        "activity-without-data-categories"
        | "taxonomy-special-category-unmarked"
        | "taxonomy-criminal-offence-unmarked"
        | "taxonomy-contradicts-kind" => "Categories of personal data",
        "third-party-source-without-notice" => "Source of personal data",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Party, ProcessingActivity};
    use crate::validate::Severity;

    fn finding(rule: &'static str, path: &str) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            path: path.to_owned(),
            message: String::new(),
            citation: String::new(),
            policy: None,
            action: None,
        }
    }

    /// A pointer past the end of a list (which validation never writes, but a report built from
    /// another register's findings could hold) goes to the register's last row, never out of
    /// bounds.
    #[test]
    fn a_pointer_past_the_end_goes_to_the_register_as_a_whole() {
        let register = Register::new(Party::new("org", "Org"))
            .with_activity(ProcessingActivity::controller("a", "A"));
        let report = ValidationReport {
            findings: vec![
                finding("missing-retention", "/activities/0"),
                finding("missing-retention", "/activities/1"),
                finding("missing-controller-contact", "/parties/1"),
                finding("missing-controller-contact", "/parties/0"),
                finding("processor-without-contract", "/parties/0/sub_processors/0"),
                finding("dangling-reference", "/documents/0"),
                finding("processor-without-contract", "/recipients/0"),
            ],
        };
        let placed = Placed::new(&register, &report);
        assert_eq!(placed.activities[0].len(), 1);
        assert_eq!(placed.activities[0][0].0, "Retention schedule");
        let register_rows: Vec<&str> = placed.register.iter().map(|(row, _)| *row).collect();
        assert_eq!(
            register_rows,
            [
                REGISTER_AS_A_WHOLE,
                REGISTER_AS_A_WHOLE,
                "Contact details",
                REGISTER_AS_A_WHOLE
            ]
        );
        assert_eq!(placed.recipients[0].0, "Link to contract with processor");
        // The organisation's own sub-processors are the parties table's, not the header's.
        assert_eq!(placed.parties[0].len(), 1);
        assert_eq!(placed.parties[0][0].rule, "processor-without-contract");
    }

    #[test]
    fn a_row_left_out_is_added_for_its_findings_and_the_whole_goes_last() {
        let whole = finding("duplicate-id", "/activities/0");
        let purpose = finding("activity-without-purpose", "/activities/0");
        let again = finding("activity-without-purpose", "/activities/0");
        let kept = finding("missing-retention", "/activities/0");
        let mut rows: Vec<Field> = vec![("Retention schedule", vec!["Not stated".to_owned()])];
        let placed = [
            (ACTIVITY_AS_A_WHOLE, &whole),
            ("Purpose of processing", &purpose),
            ("Retention schedule", &kept),
            ("Purpose of processing", &again),
        ];
        let marks = mark_rows(&mut rows, &placed, ACTIVITY_AS_A_WHOLE);
        let labels: Vec<&str> = rows.iter().map(|(label, _)| *label).collect();
        assert_eq!(
            labels,
            [
                "Retention schedule",
                "Purpose of processing",
                ACTIVITY_AS_A_WHOLE
            ]
        );
        let counts: Vec<usize> = marks.iter().map(Vec::len).collect();
        assert_eq!(counts, [1, 2, 1]);
        assert!(rows[1].1.is_empty());
    }

    /// Every rule a row is named for exists: a rule renamed without this table would silently
    /// fall to the activity's or register's last row.
    #[test]
    fn every_rule_named_exists() {
        let ids: Vec<&str> = crate::validate::catalogue().iter().map(|r| r.id).collect();
        let source = include_str!("marks.rs");
        let table =
            &source[source.find("fn register_row").unwrap()..source.find("#[cfg(test)]").unwrap()];
        let named: Vec<&str> = table
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                s.contains('-')
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .collect();
        assert!(named.len() > 50, "{named:?}");
        for id in named {
            assert!(ids.contains(&id), "{id} is not a rule");
        }
    }
}
