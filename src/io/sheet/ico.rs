//! The ICO's controller template: its 30 columns as the workbook spells them, and how a heading
//! row is found however an organisation has reworded, moved or added to them.

use super::grid::{Grid, Row};
use super::recognise::fold;

/// A column of the ICO controller template (sheet `Template`, row 9, columns A-AD).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Column {
    BusinessFunction,
    Purpose,
    JointController,
    Individuals,
    PersonalData,
    Recipients,
    ProcessorContract,
    ThirdCountries,
    Safeguards,
    Retention,
    Security,
    Article6,
    Article9,
    LegitimateInterests,
    AssessmentLink,
    Rights,
    AutomatedDecisions,
    Source,
    ConsentLink,
    Location,
    DpiaRequired,
    DpiaProgress,
    DpiaLink,
    BreachOccurred,
    BreachLink,
    Schedule1Condition,
    Schedule1Article6,
    PolicyDocumentLink,
    RetainedPerPolicy,
    ReasonsNotAdhering,
    /// Not a column of the template, but of many registers: the activity's name ("Processing
    /// activity", "Activity name").
    ActivityName,
    /// Not a column of the template, but of many registers: the special category data, listed
    /// apart from the other data ("Special category data", "Sensitive data").
    SpecialCategoryData,
    /// The processor template's (Art 30(2)): the controller acted for, its name and contact.
    Controller,
    /// The processor template's: the controller's representative (Art 27).
    ControllerRepresentative,
    /// The processor template's: the categories of processing carried out for the controller.
    CategoriesOfProcessing,
}

/// The template's headings in its order, as the workbook spells them ([`Column::ActivityName`] is
/// read by its words only: the template has no such column).
pub(crate) const CONTROLLER: [(Column, &str); 30] = [
    (Column::BusinessFunction, "Business function"),
    (Column::Purpose, "Purpose of processing"),
    (
        Column::JointController,
        "Name and contact details of joint controller (if applicable)",
    ),
    (Column::Individuals, "Categories of individuals"),
    (Column::PersonalData, "Categories of personal data"),
    (Column::Recipients, "Categories of recipients"),
    (Column::ProcessorContract, "Link to contract with processor"),
    (
        Column::ThirdCountries,
        "Names of third countries or international organisations that personal data are transferred to (if applicable)",
    ),
    (
        Column::Safeguards,
        "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
    ),
    (Column::Retention, "Retention schedule (if possible)"),
    (
        Column::Security,
        "General description of technical and organisational security measures (if possible)",
    ),
    (
        Column::Article6,
        "Article 6 lawful basis for processing personal data",
    ),
    (
        Column::Article9,
        "Article 9 condition for processing special category data",
    ),
    (
        Column::LegitimateInterests,
        "Legitimate interests for the processing (if applicable)",
    ),
    (
        Column::AssessmentLink,
        "Link to record of legitimate interests assessment (if applicable)",
    ),
    (Column::Rights, "Rights available to individuals"),
    (
        Column::AutomatedDecisions,
        "Existence of automated decision-making, including profiling (if applicable)",
    ),
    (
        Column::Source,
        "The source of the personal data (if applicable)",
    ),
    (Column::ConsentLink, "Link to record of consent"),
    (Column::Location, "Location of personal data"),
    (
        Column::DpiaRequired,
        "Data Protection Impact Assessment required?",
    ),
    (
        Column::DpiaProgress,
        "Data Protection Impact Assessment progress",
    ),
    (
        Column::DpiaLink,
        "Link to Data Protection Impact Assessment",
    ),
    (
        Column::BreachOccurred,
        "Has a personal data breach occurred?",
    ),
    (Column::BreachLink, "Link to record of personal data breach"),
    (
        Column::Schedule1Condition,
        "Data Protection Act 2018 Schedule 1 Condition for processing",
    ),
    (
        Column::Schedule1Article6,
        "GDPR Article 6 lawful basis for processing",
    ),
    (
        Column::PolicyDocumentLink,
        "Link to retention and erasure policy document",
    ),
    (
        Column::RetainedPerPolicy,
        "Is personal data retained and erased in accordance with the policy document?",
    ),
    (
        Column::ReasonsNotAdhering,
        "Reasons for not adhering to policy document (if applicable)",
    ),
];

/// The ICO's processor template (Art 30(2)): one row per controller acted for. The ICO workbook's
/// own spelling of these headings was not to hand; they follow Art 30(2) and the controller
/// template's wording, and reworded ones are read by their words.
pub(crate) const PROCESSOR: [(Column, &str); 6] = [
    (Column::Controller, "Name and contact details of controller"),
    (
        Column::ControllerRepresentative,
        "Name and contact details of controller's representative (if applicable)",
    ),
    (
        Column::CategoriesOfProcessing,
        "Categories of processing carried out on behalf of the controller",
    ),
    (
        Column::ThirdCountries,
        "Names of third countries or international organisations that personal data are transferred to (if applicable)",
    ),
    (
        Column::Safeguards,
        "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
    ),
    (
        Column::Security,
        "General description of technical and organisational security measures (if possible)",
    ),
];

/// Each column's name in a layout of one's own (`--layout mapping.json`), in the template's order
/// and then the two columns of many registers.
pub(crate) const FIELDS: [(Column, &str); 35] = [
    (Column::BusinessFunction, "business_function"),
    (Column::Purpose, "purpose"),
    (Column::JointController, "joint_controller"),
    (Column::Individuals, "individuals"),
    (Column::PersonalData, "personal_data"),
    (Column::Recipients, "recipients"),
    (Column::ProcessorContract, "processor_contract"),
    (Column::ThirdCountries, "third_countries"),
    (Column::Safeguards, "safeguards"),
    (Column::Retention, "retention"),
    (Column::Security, "security"),
    (Column::Article6, "article_6"),
    (Column::Article9, "article_9"),
    (Column::LegitimateInterests, "legitimate_interests"),
    (Column::AssessmentLink, "assessment_link"),
    (Column::Rights, "rights"),
    (Column::AutomatedDecisions, "automated_decisions"),
    (Column::Source, "source"),
    (Column::ConsentLink, "consent_link"),
    (Column::Location, "location"),
    (Column::DpiaRequired, "dpia_required"),
    (Column::DpiaProgress, "dpia_progress"),
    (Column::DpiaLink, "dpia_link"),
    (Column::BreachOccurred, "breach_occurred"),
    (Column::BreachLink, "breach_link"),
    (Column::Schedule1Condition, "schedule_1_condition"),
    (Column::Schedule1Article6, "schedule_1_article_6"),
    (Column::PolicyDocumentLink, "policy_document_link"),
    (Column::RetainedPerPolicy, "retained_per_policy"),
    (Column::ReasonsNotAdhering, "reasons_not_adhering"),
    (Column::ActivityName, "activity_name"),
    (Column::SpecialCategoryData, "special_category_data"),
    (Column::Controller, "controller"),
    (
        Column::ControllerRepresentative,
        "controller_representative",
    ),
    (Column::CategoriesOfProcessing, "categories_of_processing"),
];

/// The columns a heading row names by a layout of one's own: each heading the layout lists (as
/// [`normalise`] reads both), the rest the organisation's own.
pub(crate) fn match_layout(row: &Row, layout: &[(String, Column)]) -> Headings {
    let wanted: Vec<(String, Column)> = layout.iter().map(|(h, c)| (normalise(h), *c)).collect();
    let mut columns: Vec<(u32, Column)> = Vec::new();
    let mut own: Vec<(u32, String)> = Vec::new();
    for (at, text) in &row.cells {
        let heading = normalise(text);
        match wanted
            .iter()
            .find(|(h, c)| *h == heading && !columns.iter().any(|(_, t)| t == c))
        {
            Some((_, c)) => columns.push((*at, *c)),
            None => own.push((*at, text.trim().to_owned())),
        }
    }
    columns.sort();
    Headings { columns, own }
}

/// The fewest template columns a row must name to be taken as the heading row.
const MIN_MATCHED: usize = 6;
/// How far down a sheet the heading row is looked for.
const HEADING_SEARCH_ROWS: usize = 100;

/// A heading in the words that matter: folded, without "(if applicable)"/"(if possible)" and
/// trailing punctuation.
pub(crate) fn normalise(heading: &str) -> String {
    let mut text = fold(heading);
    for suffix in ["(if applicable)", "(if possible)", "(where applicable)"] {
        text = text.replace(suffix, "");
    }
    text.trim_end_matches(['?', ':', '.', '*'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a heading the template does not spell is read: the column it names when it holds any of
/// the first words and, where a second list is given, any of those too. Tried in order, the
/// narrower first ("legitimate interests assessment" before "legitimate interests").
const BY_WORDS: &[(&[&str], &[&str], Column)] = &[
    (
        &["reason"],
        &["adher", "not follow", "not in accordance"],
        Column::ReasonsNotAdhering,
    ),
    (
        &["retained and erased", "in accordance with the policy"],
        &[],
        Column::RetainedPerPolicy,
    ),
    (
        &["erasure policy", "policy document", "appropriate policy"],
        &[],
        Column::PolicyDocumentLink,
    ),
    (
        &["schedule 1", "sch 1", "sch. 1"],
        &[],
        Column::Schedule1Condition,
    ),
    // Only to the right of the Schedule 1 column: the para 41 basis (see `by_words`).
    (
        &["article 6", "art 6", "lawful basis"],
        &[],
        Column::Schedule1Article6,
    ),
    (&["breach"], &["link", "record", "log"], Column::BreachLink),
    (&["breach"], &[], Column::BreachOccurred),
    (
        &["impact assessment", "dpia"],
        &["link", "record", "where"],
        Column::DpiaLink,
    ),
    (
        &["impact assessment", "dpia"],
        &["progress", "status", "stage", "complete"],
        Column::DpiaProgress,
    ),
    (&["impact assessment", "dpia"], &[], Column::DpiaRequired),
    (&["location", "stored", "system"], &[], Column::Location),
    (&["consent"], &[], Column::ConsentLink),
    (&["source"], &[], Column::Source),
    (&["automated", "profiling"], &[], Column::AutomatedDecisions),
    (&["rights"], &[], Column::Rights),
    (
        &["interests assessment", "lia", "balancing test"],
        &[],
        Column::AssessmentLink,
    ),
    (&["legitimate interest"], &[], Column::LegitimateInterests),
    (
        &["article 9", "art 9", "art. 9", "9(2)"],
        &[],
        Column::Article9,
    ),
    (
        &["special category", "special categories"],
        &["condition", "basis", "ground"],
        Column::Article9,
    ),
    (
        &["special category", "special categories", "sensitive"],
        &[],
        Column::SpecialCategoryData,
    ),
    (
        &["article 6", "art 6", "lawful basis", "legal basis"],
        &[],
        Column::Article6,
    ),
    (
        &["security", "technical and organisational", "toms"],
        &[],
        Column::Security,
    ),
    (&["retention", "retain", "how long"], &[], Column::Retention),
    (&["safeguard"], &[], Column::Safeguards),
    (
        &["third countr", "international", "transfer", "countries"],
        &[],
        Column::ThirdCountries,
    ),
    (
        &["contract", "processor agreement"],
        &[],
        Column::ProcessorContract,
    ),
    (
        &["recipient", "shared with", "disclosed to", "who we share"],
        &[],
        Column::Recipients,
    ),
    (
        &[
            "personal data",
            "data categor",
            "categories of data",
            "types of data",
        ],
        &[],
        Column::PersonalData,
    ),
    (
        &["individuals", "data subject", "people"],
        &[],
        Column::Individuals,
    ),
    (&["joint controller"], &[], Column::JointController),
    (
        &["controller"],
        &["representative"],
        Column::ControllerRepresentative,
    ),
    (
        &[
            "categories of processing",
            "processing carried out",
            "processing on behalf",
        ],
        &[],
        Column::CategoriesOfProcessing,
    ),
    (&["controller", "client"], &[], Column::Controller),
    (
        &[
            "processing activity",
            "activity name",
            "name of activity",
            "activity",
        ],
        &[],
        Column::ActivityName,
    ),
    (&["purpose"], &[], Column::Purpose),
    (
        &[
            "business function",
            "department",
            "function",
            "service area",
            "team",
        ],
        &[],
        Column::BusinessFunction,
    ),
];

/// The template column a heading the template does not spell names, by its words;
/// `after_schedule_1` tells the second Art 6 column (para 41) from the first.
fn by_words(heading: &str, after_schedule_1: bool) -> Option<Column> {
    let any = |words: &[&str]| words.iter().any(|w| heading.contains(w));
    BY_WORDS
        .iter()
        .filter(|(_, _, column)| after_schedule_1 || *column != Column::Schedule1Article6)
        .find(|(first, second, _)| any(first) && (second.is_empty() || any(second)))
        .map(|(_, _, column)| *column)
}

/// The columns a heading row names: each template column at most once, by its exact spelling
/// first and then by its words; the other headings are the organisation's own.
pub(crate) fn match_headings(row: &Row) -> Headings {
    let mut columns: Vec<(u32, Column)> = Vec::new();
    let mut own: Vec<(u32, String)> = Vec::new();
    let exact: Vec<(String, Column)> = CONTROLLER
        .iter()
        .chain(&PROCESSOR)
        .map(|(c, h)| (normalise(h), *c))
        .collect();
    let mut pending: Vec<(u32, String, String)> = Vec::new();
    for (column, text) in &row.cells {
        let heading = normalise(text);
        match exact
            .iter()
            .find(|(h, c)| *h == heading && !columns.iter().any(|(_, t)| t == c))
        {
            Some((_, c)) => columns.push((*column, *c)),
            None => pending.push((*column, heading, text.clone())),
        }
    }
    for (column, heading, text) in pending {
        let after_schedule_1 = columns
            .iter()
            .any(|(at, c)| *c == Column::Schedule1Condition && *at < column);
        match by_words(&heading, after_schedule_1) {
            Some(c) if !columns.iter().any(|(_, t)| *t == c) => columns.push((column, c)),
            _ => own.push((column, text.trim().to_owned())),
        }
    }
    columns.sort();
    Headings { columns, own }
}

/// A heading row: the template columns it names and the organisation's own columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Headings {
    /// (sheet column, template column), in sheet order.
    pub columns: Vec<(u32, Column)>,
    /// (sheet column, heading as written) of columns the template does not have.
    pub own: Vec<(u32, String)>,
}

impl Headings {
    /// The sheet column of a template column.
    pub(crate) fn column_of(&self, wanted: Column) -> Option<u32> {
        self.columns
            .iter()
            .find(|(_, c)| *c == wanted)
            .map(|(at, _)| *at)
    }

    fn is_template(&self) -> bool {
        let has = |wanted: Column| self.columns.iter().any(|(_, c)| *c == wanted);
        let controller = self.columns.len() >= MIN_MATCHED
            && (has(Column::Purpose) || has(Column::BusinessFunction));
        controller || self.is_processor()
    }

    /// Whether the row is the processor template's: a controller and the processing for it.
    pub(crate) fn is_processor(&self) -> bool {
        let has = |wanted: Column| self.columns.iter().any(|(_, c)| *c == wanted);
        has(Column::Controller) && has(Column::CategoriesOfProcessing) && !has(Column::Purpose)
    }
}

/// The heading row of a grid: the row within the first rows that names the most template
/// columns, where it names enough of them. `Err` gives the best row found, to say what was seen.
pub(crate) fn find_heading_row(
    grid: &Grid,
) -> Result<(usize, Headings), Option<(usize, Headings)>> {
    let mut best: Option<(usize, Headings)> = None;
    for (i, row) in grid.rows.iter().enumerate().take(HEADING_SEARCH_ROWS) {
        let headings = match_headings(row);
        if best
            .as_ref()
            .is_none_or(|(_, b)| headings.columns.len() > b.columns.len())
        {
            best = Some((i, headings));
        }
    }
    match best {
        Some((i, headings)) if headings.is_template() => Ok((i, headings)),
        other => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(headings: &[&str]) -> Row {
        Row {
            index: 8,
            cells: headings
                .iter()
                .enumerate()
                .map(|(i, h)| (i as u32, (*h).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn the_templates_own_headings_match_every_column_once() {
        let headings: Vec<&str> = CONTROLLER.iter().map(|(_, h)| *h).collect();
        let matched = match_headings(&row(&headings));
        assert_eq!(matched.columns.len(), 30);
        assert!(matched.own.is_empty());
        for (i, (column, _)) in CONTROLLER.iter().enumerate() {
            assert_eq!(matched.column_of(*column), Some(i as u32), "{column:?}");
        }
    }

    #[test]
    fn case_spaces_line_breaks_and_suffixes_do_not_matter() {
        let matched = match_headings(&row(&[
            "BUSINESS  FUNCTION",
            "Purpose of\nprocessing",
            "Retention schedule",
            "Categories of individuals (if applicable)",
            "Categories of personal data:",
            "Article 6 lawful basis for processing personal data",
        ]));
        assert_eq!(matched.columns.len(), 6);
        assert_eq!(matched.column_of(Column::Retention), Some(2));
    }

    #[test]
    fn reworded_and_own_columns() {
        let matched = match_headings(&row(&[
            "Department",
            "Purpose",
            "Data subjects",
            "Types of data",
            "Lawful basis (Art 6)",
            "Special category condition (Art 9)",
            "Legitimate interests assessment",
            "Legitimate interest",
            "How long we keep it",
            "Owner",
            "DPA 2018 Schedule 1 condition",
            "Art 6 basis for that processing",
        ]));
        use Column as C;
        for (at, column) in [
            (0, C::BusinessFunction),
            (1, C::Purpose),
            (2, C::Individuals),
            (3, C::PersonalData),
            (4, C::Article6),
            (5, C::Article9),
            (6, C::AssessmentLink),
            (7, C::LegitimateInterests),
            (8, C::Retention),
            (10, C::Schedule1Condition),
            (11, C::Schedule1Article6),
        ] {
            assert_eq!(matched.column_of(column), Some(at), "{column:?}");
        }
        assert_eq!(matched.own, [(9, "Owner".to_owned())]);
    }

    #[test]
    fn the_heading_row_is_the_best_of_the_first_rows() {
        let grid = Grid {
            sheet: "Template".into(),
            rows: vec![
                row(&["Controller", "Example Council"]),
                Row {
                    index: 8,
                    ..row(&CONTROLLER.map(|(_, h)| h))
                },
            ],
        };
        assert_eq!(find_heading_row(&grid).map(|(i, _)| i), Ok(1));
        let notes = Grid {
            sheet: "Notes".into(),
            rows: vec![row(&["Purpose", "Anything"])],
        };
        let Err(Some((0, best))) = find_heading_row(&notes) else {
            panic!("a sheet of notes is no template");
        };
        assert_eq!(best.columns.len(), 1);
    }
}
