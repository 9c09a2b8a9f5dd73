//! The columns about the grounds and the evidence: Art 6 bases and what they need, Art 9
//! conditions and Schedule 1 with its para 41 entries, rights, automated decisions, DPIA and
//! breaches.

use super::data::document;
use super::{Builder, UnreadReason};
use crate::io::sheet::cell::CellRef;
use crate::io::sheet::ico::Column;
use crate::io::sheet::recognise::{self, fold, values, yes_no};
use crate::model::{
    Article6Basis, Article9Condition, AutomatedDecision, Consent, CriminalOffenceAuthority,
    CriminalOffenceCondition, DocumentKind, Dpia, DpiaStatus, LawfulBasis, Para41Record,
    Schedule1Paragraph, Schedule1Part, Schedule1Requirement, SpecialCategoryCondition,
};

/// Reads one of the grounds and evidence columns into the activity.
pub(super) fn apply(
    b: &mut Builder<'_>,
    activity: usize,
    column: Column,
    text: &str,
    cell: CellRef,
) {
    use Column as C;
    if text.is_empty() {
        // An explicit "N/A" under automated decisions says there are none.
        if column == C::AutomatedDecisions {
            b.register.activities[activity].no_automated_decisions = true;
        }
        return;
    }
    match column {
        C::Article6 => article_6(b, activity, text, cell),
        C::LegitimateInterests => interests(b, activity, text, cell),
        C::AssessmentLink => linked(
            b,
            activity,
            text,
            cell,
            DocumentKind::LegitimateInterestsAssessment,
        ),
        C::ConsentLink => linked(b, activity, text, cell, DocumentKind::ConsentRecord),
        C::Article9 => article_9(b, activity, text, cell),
        C::Schedule1Condition => schedule_1(b, activity, text, cell),
        C::Schedule1Article6 | C::RetainedPerPolicy | C::ReasonsNotAdhering => {
            para_41(b, activity, column, text, cell)
        }
        C::PolicyDocumentLink => linked(
            b,
            activity,
            text,
            cell,
            DocumentKind::AppropriatePolicyDocument,
        ),
        C::Rights => rights(b, activity, text, cell),
        C::AutomatedDecisions => automated(b, activity, text, cell),
        C::DpiaRequired | C::DpiaProgress => dpia(b, activity, column, text, cell),
        C::DpiaLink => linked(b, activity, text, cell, DocumentKind::Dpia),
        C::BreachOccurred => breach(b, activity, text, cell),
        C::BreachLink => linked(b, activity, text, cell, DocumentKind::BreachRecord),
        // Every column sent here has an arm; were one missed, its words are kept, not dropped.
        _ => b.keep(activity, text, cell, UnreadReason::NoField),
    }
}

/// The lists the row's bases go in, as JSON Pointers: each purpose the row added, or the
/// activity's own list where it added none.
fn base_lists(b: &Builder<'_>) -> Vec<Option<usize>> {
    if b.row_purposes.is_empty() {
        vec![None]
    } else {
        b.row_purposes.clone().map(Some).collect()
    }
}

fn list_mut<'a>(
    b: &'a mut Builder<'_>,
    activity: usize,
    list: Option<usize>,
) -> &'a mut Vec<LawfulBasis> {
    let a = &mut b.register.activities[activity];
    match list {
        Some(p) => &mut a.purposes[p].lawful_bases,
        None => &mut a.lawful_bases,
    }
}

fn list_pointer(activity: usize, list: Option<usize>) -> String {
    match list {
        Some(p) => format!("/activities/{activity}/purposes/{p}/lawful_bases"),
        None => format!("/activities/{activity}/lawful_bases"),
    }
}

/// The law a value names beside its basis: each part after " - " that is not itself the basis
/// ("Public task - Children Act 1989", "Consent - National Family Hub Guidance"), and any part
/// in brackets or after a comma that names an Act or Regulations with its year.
fn legal_sources(value: &str) -> Vec<String> {
    let mut sources: Vec<String> = value
        .split(" - ")
        .skip(1)
        .map(str::trim)
        .filter(|part| !part.is_empty() && recognise::article_6(part).is_none())
        .map(str::to_owned)
        .collect();
    let statutes = value
        .split([',', ';', '(', ')'])
        .flat_map(|part| part.split(" - "))
        .map(str::trim)
        .filter(|part| {
            (part.contains(" Act ") || part.contains("Regulations ") || part.contains(" Order "))
                && part
                    .split_whitespace()
                    .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        });
    for statute in statutes {
        if !sources.iter().any(|s| s == statute) {
            sources.push(statute.to_owned());
        }
    }
    sources
}

fn article_6(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let Some(basis) = recognise::article_6(value) else {
            b.keep(activity, value, cell.clone(), UnreadReason::NotRecognised);
            continue;
        };
        for list in base_lists(b) {
            let mut lawful = LawfulBasis::new(basis);
            lawful.legal_sources = legal_sources(value);
            lawful.note = Some(format!("In the register's words: {value}"));
            let bases = list_mut(b, activity, list);
            bases.push(lawful);
            let pointer = format!("{}/{}", list_pointer(activity, list), bases.len() - 1);
            b.cells.insert(pointer, cell.clone());
        }
    }
}

/// Each basis of the row's lists that is of `basis`, as (list, position).
fn row_bases_of(
    b: &Builder<'_>,
    activity: usize,
    wanted: &[Article6Basis],
) -> Vec<(Option<usize>, usize)> {
    let a = &b.register.activities[activity];
    base_lists(b)
        .into_iter()
        .flat_map(|list| {
            let bases = match list {
                Some(p) => &a.purposes[p].lawful_bases,
                None => &a.lawful_bases,
            };
            (0..bases.len())
                .filter(|&i| wanted.contains(&bases[i].basis))
                .map(move |i| (list, i))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn interests(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    let targets = row_bases_of(b, activity, &[Article6Basis::LegitimateInterests]);
    if targets.is_empty() {
        b.keep(activity, text, cell, UnreadReason::NotRecognised);
        return;
    }
    for (list, i) in targets {
        list_mut(b, activity, list)[i].interest = Some(text.to_owned());
        b.cells.insert(
            format!("{}/{i}/interest", list_pointer(activity, list)),
            cell.clone(),
        );
    }
}

/// A column that links a document: the document is recorded, and referenced from what it is the
/// evidence of in the row.
fn linked(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef, kind: DocumentKind) {
    for value in values(text) {
        let id = document(b, value, kind, &cell);
        let a = &mut b.register.activities[activity];
        match kind {
            DocumentKind::Dpia => {
                a.dpia.get_or_insert_with(Dpia::default).document = Some(id.as_str().into());
            }
            DocumentKind::BreachRecord => a.breaches.push(id.as_str().into()),
            DocumentKind::AppropriatePolicyDocument => {
                for c in &mut a.special_category_conditions {
                    c.policy_document.get_or_insert_with(|| id.as_str().into());
                }
                for c in &mut a.criminal_offence_conditions {
                    c.policy_document.get_or_insert_with(|| id.as_str().into());
                }
            }
            DocumentKind::LegitimateInterestsAssessment | DocumentKind::ConsentRecord => {
                let wanted = if kind == DocumentKind::ConsentRecord {
                    Article6Basis::Consent
                } else {
                    Article6Basis::LegitimateInterests
                };
                for (list, i) in row_bases_of(b, activity, &[wanted]) {
                    let basis = &mut list_mut(b, activity, list)[i];
                    if kind == DocumentKind::ConsentRecord {
                        basis.consent.get_or_insert_with(Consent::default).record =
                            Some(id.as_str().into());
                    } else {
                        basis.assessment = Some(id.as_str().into());
                    }
                }
            }
            _ => {}
        }
    }
}

fn article_9(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let Some(condition) = recognise::article_9(value) else {
            b.keep(activity, value, cell.clone(), UnreadReason::NotRecognised);
            continue;
        };
        let mut c = SpecialCategoryCondition::new(condition);
        c.schedule_1_paragraph = recognise::schedule_1(value);
        c.description = Some(format!("In the register's words: {value}"));
        let a = &mut b.register.activities[activity];
        a.special_category_conditions.push(c);
        let pointer = format!(
            "/activities/{activity}/special_category_conditions/{}",
            a.special_category_conditions.len() - 1
        );
        b.cells.insert(pointer, cell.clone());
    }
}

/// The Art 9(2) condition a Schedule 1 paragraph goes with (s10(2)-(3)); `None` for Part 3,
/// which serves criminal offence data.
fn condition_for(paragraph: Schedule1Paragraph) -> Option<Article9Condition> {
    if paragraph.part() == Schedule1Part::Part3 {
        return None;
    }
    Article9Condition::ALL
        .iter()
        .copied()
        .find(|c| match c.uk_schedule_1_requirement() {
            Schedule1Requirement::Paragraph(p) => p == paragraph,
            Schedule1Requirement::PartTwoParagraph => paragraph.part() == Schedule1Part::Part2,
            Schedule1Requirement::None => false,
        })
}

/// The Schedule 1 column: the paragraph goes on the row's condition that needs one, or on a
/// condition of its own (the Art 9(2) condition it goes with, or Art 10 for Part 3).
fn schedule_1(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let Some(paragraph) = recognise::schedule_1(value) else {
            b.keep(activity, value, cell.clone(), UnreadReason::NotRecognised);
            continue;
        };
        let a = &mut b.register.activities[activity];
        let waiting = a.special_category_conditions.iter().position(|c| {
            c.schedule_1_paragraph.is_none() && condition_for(paragraph) == Some(c.condition)
        });
        let pointer = match (waiting, condition_for(paragraph)) {
            (Some(i), _) => {
                a.special_category_conditions[i].schedule_1_paragraph = Some(paragraph);
                format!(
                    "/activities/{activity}/special_category_conditions/{i}/schedule_1_paragraph"
                )
            }
            (None, Some(condition)) => {
                a.special_category_conditions
                    .push(SpecialCategoryCondition::new(condition).with_schedule_1(paragraph));
                format!(
                    "/activities/{activity}/special_category_conditions/{}",
                    a.special_category_conditions.len() - 1
                )
            }
            (None, None) => {
                let c = CriminalOffenceCondition::new(CriminalOffenceAuthority::AuthorisedByLaw)
                    .with_schedule_1(paragraph);
                a.criminal_offence_conditions.push(c);
                format!(
                    "/activities/{activity}/criminal_offence_conditions/{}",
                    a.criminal_offence_conditions.len() - 1
                )
            }
        };
        b.cells.insert(pointer, cell.clone());
    }
}

/// The para 41 columns: each goes on every Schedule 1 condition of the activity.
fn para_41(b: &mut Builder<'_>, activity: usize, column: Column, text: &str, cell: CellRef) {
    let retained = yes_no(text);
    if column == Column::RetainedPerPolicy && retained.is_none() {
        b.keep(activity, text, cell, UnreadReason::NotRecognised);
        return;
    }
    let a = &mut b.register.activities[activity];
    let records = a
        .special_category_conditions
        .iter_mut()
        .filter(|c| c.schedule_1_paragraph.is_some())
        .map(|c| &mut c.para_41)
        .chain(
            a.criminal_offence_conditions
                .iter_mut()
                .filter(|c| c.schedule_1_paragraph.is_some())
                .map(|c| &mut c.para_41),
        );
    let mut any = false;
    for record in records {
        any = true;
        let record = record.get_or_insert_with(Para41Record::default);
        match column {
            Column::Schedule1Article6 => record.article_6_basis = Some(text.to_owned()),
            Column::RetainedPerPolicy => record.retained_per_policy = retained.map(|(yes, _)| yes),
            _ => record.reasons_for_not_following_policy = Some(text.to_owned()),
        }
    }
    let rest = retained
        .map(|(_, rest)| rest)
        .filter(|rest| !rest.is_empty());
    if !any || (column == Column::RetainedPerPolicy && rest.is_some()) {
        b.keep(
            activity,
            if any { rest.unwrap_or(text) } else { text },
            cell,
            UnreadReason::NotRecognised,
        );
    }
}

/// The rights column: the organisation's own statement of the rights available, which the
/// register does not hold as such (the rights follow from the bases, `applicable_rights`, and
/// `rights_stated` is what the privacy notice says): kept word for word as a note.
fn rights(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    b.keep(activity, text, cell, UnreadReason::NoField);
}

fn automated(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    let a = &mut b.register.activities[activity];
    match yes_no(text) {
        Some((false, rest)) => {
            a.no_automated_decisions = true;
            b.cells.insert(
                format!("/activities/{activity}/no_automated_decisions"),
                cell.clone(),
            );
            if !rest.is_empty() {
                b.keep(activity, rest, cell, UnreadReason::NotRecognised);
            }
        }
        Some((true, "")) => b.keep(activity, text, cell, UnreadReason::NotRecognised),
        answer => {
            let description = answer.map_or(text, |(_, rest)| rest);
            let mut decision = AutomatedDecision::new(description);
            decision.profiling = fold(description).contains("profil");
            a.automated_decisions.push(decision);
            let pointer = format!(
                "/activities/{activity}/automated_decisions/{}",
                a.automated_decisions.len() - 1
            );
            b.cells.insert(pointer, cell);
        }
    }
}

/// A DPIA's status by the words used for it.
fn dpia_status(text: &str) -> Option<DpiaStatus> {
    let text = fold(text);
    let table: [(&[&str], DpiaStatus); 4] = [
        (
            &["not required", "not needed", "no dpia"],
            DpiaStatus::NotRequired,
        ),
        (
            &["not started", "not yet started", "to start"],
            DpiaStatus::NotStarted,
        ),
        (
            &["in progress", "ongoing", "underway", "draft", "started"],
            DpiaStatus::InProgress,
        ),
        (
            &["complete", "done", "approved", "signed off", "finished"],
            DpiaStatus::Completed,
        ),
    ];
    table
        .iter()
        .find(|(words, _)| words.iter().any(|w| text.contains(w)))
        .map(|(_, status)| *status)
}

/// The DPIA columns: whether one is required ("Yes - completed March 2024" says both), and its
/// progress; the cell's words are kept in the DPIA's note.
fn dpia(b: &mut Builder<'_>, activity: usize, column: Column, text: &str, cell: CellRef) {
    let answer = yes_no(text);
    let words = answer.map_or(text, |(_, rest)| rest);
    let status = dpia_status(words);
    if column == Column::DpiaRequired && answer.is_none() && status.is_none() {
        b.keep(activity, text, cell, UnreadReason::NotRecognised);
        return;
    }
    if column == Column::DpiaProgress && status.is_none() {
        b.keep(activity, text, cell, UnreadReason::NotRecognised);
        return;
    }
    let dpia = b.register.activities[activity]
        .dpia
        .get_or_insert_with(Dpia::default);
    if column == Column::DpiaRequired {
        dpia.required = answer.map(|(yes, _)| yes).or(dpia.required);
    }
    if status.is_some() {
        dpia.status = status;
    }
    if !words.is_empty() {
        let note = dpia.note.get_or_insert_with(String::new);
        if !note.is_empty() {
            note.push_str("; ");
        }
        note.push_str(words);
    }
    b.cells.insert(format!("/activities/{activity}/dpia"), cell);
}

/// Whether a breach occurred: a "yes" is kept as a note until its record is linked (the register
/// holds breaches as their records).
fn breach(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    match yes_no(text) {
        Some((false, "")) => {}
        _ => b.keep(activity, text, cell, UnreadReason::NotRecognised),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statutes_are_the_parts_that_name_an_act_with_its_year() {
        assert_eq!(
            legal_sources("Public task - Children Act 1989"),
            ["Children Act 1989"]
        );
        assert_eq!(
            legal_sources("Legal obligation - Income Tax Act 2007"),
            ["Income Tax Act 2007"]
        );
        assert_eq!(
            legal_sources("Care Act 2014, Children Act 1989"),
            ["Care Act 2014", "Children Act 1989"]
        );
        assert!(legal_sources("Consent").is_empty());
        assert!(legal_sources("Public task - Art 6(1)(e)").is_empty());
        assert_eq!(
            legal_sources("Consent - National Family Hub Guidance"),
            ["National Family Hub Guidance"]
        );
    }

    #[test]
    fn schedule_1_paragraphs_go_with_their_condition() {
        use Schedule1Paragraph as P;
        assert_eq!(
            condition_for(P::EmploymentSocialSecurity),
            Some(Article9Condition::EmploymentSocialSecurity)
        );
        assert_eq!(
            condition_for(P::StatutoryAndGovernmentPurposes),
            Some(Article9Condition::SubstantialPublicInterest)
        );
        assert_eq!(
            condition_for(P::HealthOrSocialCare),
            Some(Article9Condition::HealthOrSocialCare)
        );
        let part_3 = P::ALL
            .iter()
            .copied()
            .find(|p| p.part() == Schedule1Part::Part3)
            .unwrap();
        assert_eq!(condition_for(part_3), None);
    }

    #[test]
    fn dpia_progress_by_its_words() {
        assert_eq!(
            dpia_status("completed March 2024"),
            Some(DpiaStatus::Completed)
        );
        assert_eq!(dpia_status("In progress"), Some(DpiaStatus::InProgress));
        assert_eq!(dpia_status("Not required"), Some(DpiaStatus::NotRequired));
        assert_eq!(dpia_status("Maybe"), None);
    }
}
