//! Registers read from spreadsheets (`ropa::sheet`): the ICO template as organisations fill it,
//! reworded and extended; every value with its cell; what is not read kept; hostile files refused
//! within bounds. The workbooks are written by `tests/fixtures/sheets/make.py`.

use std::path::Path;

use ropa::sheet::{SheetError, UnreadReason, import_bytes, import_path};
use ropa::*;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sheets")
        .join(name)
        .display()
        .to_string()
}

fn ico() -> ropa::sheet::Imported {
    import_path(fixture("ico-controller.xlsx")).unwrap()
}

#[test]
fn the_contact_block_names_the_controller_and_dpo_and_na_names_no_one() {
    let imported = ico();
    let register = &imported.register;
    let organisation = register.organisation().unwrap();
    assert_eq!(organisation.name, "Northbridge Borough Council");
    assert_eq!(
        organisation.contacts[0].phone.as_deref(),
        Some("01234 567890")
    );
    let dpo = register.dpo.as_ref().unwrap();
    assert_eq!(dpo.name.as_deref(), Some("Priya Shah"));
    assert_eq!(
        dpo.contacts[0].email.as_deref(),
        Some("dpo@northbridge.example")
    );
    // "N/A" beside the representative: no representative.
    assert_eq!(register.representative, None);
    assert_eq!(
        imported.cell_of("/parties/0").unwrap().to_string(),
        "Template!B2"
    );
}

#[test]
fn each_row_is_an_activity_and_a_purpose_only_row_adds_a_purpose() {
    let imported = ico();
    let names: Vec<&str> = imported
        .register
        .activities
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Payroll", "Recruitment", "Newsletter"]);
    let recruitment = &imported.register.activities[1];
    let purposes: Vec<&str> = recruitment
        .purposes
        .iter()
        .map(|p| p.description.as_str())
        .collect();
    assert_eq!(purposes, ["Recruitment", "Equality reporting"]);
    // Each purpose has the basis of its own row.
    assert_eq!(
        recruitment.purposes[0].lawful_bases[0].basis,
        Article6Basis::Contract
    );
    assert_eq!(
        recruitment.purposes[1].lawful_bases[0].basis,
        Article6Basis::PublicTask
    );
    assert_eq!(
        recruitment.purposes[1].lawful_bases[0].legal_sources,
        ["Equality Act 2010"]
    );
    assert_eq!(
        imported
            .cell_of("/activities/1/purposes/1")
            .unwrap()
            .to_string(),
        "Template!B12"
    );
}

#[test]
fn free_text_becomes_typed_facts_keeping_its_words() {
    let imported = ico();
    let payroll = &imported.register.activities[0];
    assert_eq!(
        payroll.data_categories.len(),
        4,
        "split on ';' and line breaks"
    );
    assert_eq!(
        payroll.data_categories[3].special_category,
        Some(SpecialCategoryKind::Health)
    );
    let rule = &payroll.retention[0];
    assert_eq!(rule.wording.as_deref(), Some("6 years after leaving"));
    assert_eq!(
        rule.retention.trigger,
        Some(RetentionTrigger::EndOfRelationship)
    );
    let condition = &payroll.special_category_conditions[0];
    assert_eq!(
        condition.condition,
        Article9Condition::EmploymentSocialSecurity
    );
    assert_eq!(
        condition.schedule_1_paragraph,
        Some(Schedule1Paragraph::EmploymentSocialSecurity)
    );
    let para_41 = condition.para_41.as_ref().unwrap();
    assert_eq!(para_41.retained_per_policy, Some(true));
    assert!(condition.policy_document.is_some());
    assert!(payroll.no_automated_decisions);
    // The template's rights column is the organisation's statement, not the notice's: a note.
    assert!(payroll.rights_stated.is_empty());
    assert!(
        payroll
            .notes
            .iter()
            .any(|n| n.starts_with("Template!P10 (Rights available to individuals): Access"))
    );
    let newsletter = &imported.register.activities[2];
    let transfer = &newsletter.transfers[0];
    assert_eq!(transfer.country, "US".parse().ok());
    assert_eq!(transfer.mechanism, Some(TransferMechanism::UkIdta));
    assert!(
        transfer
            .description
            .as_deref()
            .unwrap()
            .contains("Mailchimp")
    );
    let consent = newsletter.purposes[0].lawful_bases[0]
        .consent
        .as_ref()
        .unwrap();
    assert!(
        consent.record.is_some(),
        "the consent record is linked to the consent basis"
    );
    let recruitment = &imported.register.activities[1];
    let dpia = recruitment.dpia.as_ref().unwrap();
    assert_eq!(
        (dpia.required, dpia.status),
        (Some(true), Some(DpiaStatus::Completed))
    );
    assert_eq!(
        recruitment.recipients.len(),
        3,
        "'see above' is the row above's cell"
    );
}

#[test]
fn what_is_not_read_is_kept_with_its_cell_and_tbc_is_a_gap() {
    let imported = ico();
    let unread: Vec<(String, UnreadReason)> = imported
        .unread
        .iter()
        .map(|u| (u.cell.to_string(), u.reason))
        .collect();
    assert_eq!(
        unread,
        [
            ("Template!P10".to_owned(), UnreadReason::NoField),
            ("Template!J11".to_owned(), UnreadReason::ToBeConfirmed),
            ("Template!V13".to_owned(), UnreadReason::NotRecognised),
        ]
    );
    let newsletter = &imported.register.activities[2];
    assert_eq!(
        newsletter.notes,
        ["Template!V13 (Data Protection Impact Assessment progress): Awaiting sign-off"]
    );
    // The gap stays a gap: validation reports the missing retention.
    let report = validate(&imported.register, &ValidationOptions::default());
    assert!(
        report
            .of_rule("missing-retention")
            .any(|f| f.path == "/activities/1")
    );
}

#[test]
fn reworded_headings_moved_columns_and_own_columns_on_any_sheet() {
    let imported = import_path(fixture("reworded.xlsx")).unwrap();
    assert_eq!(imported.sheet, "ROPA");
    let a = &imported.register.activities[0];
    assert_eq!(a.name, "Patient care");
    assert_eq!(a.business_function.as_deref(), Some("Clinical"));
    assert_eq!(
        a.special_category_conditions[0].condition,
        Article9Condition::HealthOrSocialCare
    );
    assert_eq!(
        a.retention[0].retention.period,
        Some("P10Y".parse().unwrap())
    );
    assert!(a.transfers.is_empty(), "'-' is an explicit nothing");
    let own = imported
        .unread
        .iter()
        .find(|u| u.reason == UnreadReason::OwnColumn)
        .unwrap();
    assert_eq!(own.cell.to_string(), "ROPA!I4");
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("Owner: Practice manager"))
    );
}

#[test]
fn csv_in_every_encoding_reads_the_same() {
    let text = "Business function;Purpose of processing;Categories of individuals;\
                Categories of personal data;Article 6 lawful basis for processing personal data;\
                Retention schedule;Categories of recipients\n\
                Caf\u{e9};Payroll;Staff;Name;Legal obligation;6 years after leaving;HMRC\n";
    let utf8 = text.as_bytes().to_vec();
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let cp1252: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    for bytes in [utf8, bom, utf16, cp1252] {
        let imported = import_bytes(bytes, "register.csv").unwrap();
        let a = &imported.register.activities[0];
        assert_eq!(a.business_function.as_deref(), Some("Café"));
        assert_eq!(
            imported
                .cell_of("/activities/0/retention/0")
                .unwrap()
                .to_string(),
            "register!F2"
        );
    }
}

#[test]
fn a_sheet_without_the_template_headings_says_what_it_found() {
    let error = import_path(fixture("no-headings.xlsx")).unwrap_err();
    let SheetError::NoHeadingRow {
        nearest,
        found,
        file,
    } = &error
    else {
        panic!("{error:?}")
    };
    assert!(file.ends_with("no-headings.xlsx"));
    assert!(nearest.contains("Budget!A1"), "{nearest}");
    assert!(found.contains("Cost centre | Purpose | Amount"), "{found}");
    assert!(error.to_string().contains("ico-controller"));
}

#[test]
fn hostile_workbooks_are_refused_within_bounds() {
    // Cells at A1 and XFD1048576: read cell by cell, not as the rectangle between them.
    let started = std::time::Instant::now();
    let error = import_path(fixture("far-cells.xlsx")).unwrap_err();
    assert!(
        matches!(error, SheetError::NoHeadingRow { .. }),
        "{error:?}"
    );
    assert!(started.elapsed().as_secs() < 10);
    // A part that says it unpacks to 4 GiB is refused before anything is unpacked.
    let error = import_path(fixture("declared-bomb.xlsx")).unwrap_err();
    assert!(matches!(error, SheetError::TooLarge { .. }), "{error:?}");
    assert!(error.to_string().contains("declared-bomb.xlsx"));
    // A password-protected workbook is an encrypted OLE2 container, whatever its name.
    let mut encrypted = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    encrypted.resize(4096, 0);
    let error = import_bytes(encrypted, "locked.xlsx").unwrap_err();
    assert!(error.to_string().contains("password-protected"), "{error}");
    // Not a workbook at all.
    let error = import_bytes(b"PK\x03\x04 not a zip".to_vec(), "broken.xlsx").unwrap_err();
    assert!(matches!(error, SheetError::Unreadable { .. }), "{error:?}");
    assert!(error.to_string().starts_with("broken.xlsx: "));
    // A file over the size bound is refused before it is parsed.
    let big = vec![b'a'; ropa::sheet::MAX_FILE_BYTES as usize + 1];
    assert!(matches!(
        import_bytes(big, "big.csv"),
        Err(SheetError::TooLarge { .. })
    ));
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let error = import_path("no/such/register.xlsx").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("no/such/register.xlsx: cannot read"),
        "{error}"
    );
    assert!(std::error::Error::source(&error).is_some());
}

#[test]
fn the_import_reports_each_cell_not_read_and_each_tbc() {
    let imported = ico();
    let findings = ropa::validate::spreadsheet_findings(&imported, &ValidationOptions::default());
    let found: Vec<(&str, Severity, &str)> = findings
        .iter()
        .map(|f| (f.rule, f.severity, f.path.as_str()))
        .collect();
    // The rights column is read but has no field: a note, and no finding.
    assert_eq!(
        found,
        [
            (
                "spreadsheet-value-to-be-confirmed",
                Severity::Warning,
                "/activities/1/notes/0"
            ),
            (
                "spreadsheet-cell-not-read",
                Severity::Info,
                "/activities/2/notes/0"
            ),
        ]
    );
    assert!(
        findings[1]
            .message
            .starts_with("Template!V13 (Data Protection Impact Assessment progress)")
    );
    assert_eq!(findings[1].citation, "UK GDPR Art 30(1)");
    let warnings_only = ValidationOptions::default().min_severity(Severity::Warning);
    assert_eq!(
        ropa::validate::spreadsheet_findings(&imported, &warnings_only).len(),
        1
    );
}

/// The facts of an activity that the template carries, as words, in a form both sides share.
/// `shared` is the register-wide recipients, which the template lists in every activity's row.
fn carried_facts(a: &ProcessingActivity, shared: usize) -> Vec<String> {
    let mut facts = vec![
        format!("name {}", a.name),
        format!("function {:?}", a.business_function),
    ];
    facts.extend(
        a.purposes
            .iter()
            .map(|p| format!("purpose {}", p.description)),
    );
    facts.extend(
        a.data_subjects
            .iter()
            .map(|s| format!("subjects {}", s.name)),
    );
    facts.extend(a.data_categories.iter().map(|c| format!("data {}", c.name)));
    let mut bases: Vec<String> = a
        .all_bases()
        .map(|b| format!("basis {:?} {:?}", b.basis, b.legal_sources))
        .collect();
    bases.sort();
    bases.dedup();
    facts.extend(bases);
    facts.extend(
        a.special_category_conditions
            .iter()
            .map(|c| format!("art 9 {:?}", c.condition)),
    );
    facts.push(format!("recipients {}", a.recipients.len() + shared));
    facts.extend(a.retention.iter().map(|r| {
        let p = &r.retention;
        format!(
            "retention {:?} {:?} {:?} {}",
            p.period, p.trigger, p.until, p.indefinite
        )
    }));
    facts.extend(
        a.transfers
            .iter()
            .map(|t| format!("transfer {:?} {:?}", t.country, t.region)),
    );
    facts.extend(
        a.security_measures
            .iter()
            .map(|m| format!("measure {:?}", m.description)),
    );
    facts.extend(a.systems.iter().map(|s| format!("system {}", s.name)));
    facts.push(format!(
        "dpia {:?}",
        a.dpia.as_ref().map(|d| (d.required, d.status))
    ));
    facts
}

#[test]
fn export_then_import_gives_back_every_fact_the_template_carries() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let options = ropa::report::ReportOptions::default().as_of("2026-12-06".parse().unwrap());
    let mut checked = 0;
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let register = ropa::from_path(path).unwrap();
        let bytes = ropa::report::render_workbook(&register, &options).unwrap();
        assert_eq!(
            bytes,
            ropa::report::render_workbook(&register, &options).unwrap(),
            "{} is not deterministic",
            path.display()
        );
        let imported = import_bytes(bytes, "register.xlsx").unwrap();
        let back = &imported.register;
        assert_eq!(
            back.activities.len(),
            register.activities.len(),
            "{}",
            path.display()
        );
        assert_eq!(
            back.organisation().map(|p| &p.name),
            register.organisation().map(|p| &p.name)
        );
        for (a, b) in register.activities.iter().zip(&back.activities) {
            let shared = register.recipients.len();
            assert_eq!(
                carried_facts(b, 0),
                carried_facts(a, shared),
                "{}: {}",
                path.display(),
                a.id
            );
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} example registers");
}

#[test]
fn an_ods_workbook_reads_like_an_xlsx_one() {
    let imported = import_path(fixture("ico-controller.ods")).unwrap();
    assert_eq!(imported.sheet, "Registre");
    let a = &imported.register.activities[0];
    assert_eq!(
        a.data_categories.len(),
        3,
        "a multi-line cell is three values"
    );
    assert_eq!(
        a.retention[0].retention.trigger,
        Some(RetentionTrigger::AccountClosure)
    );
    assert_eq!(
        a.purposes[0].lawful_bases[0].legal_sources,
        ["Local Government Finance Act 1992"]
    );
    assert_eq!(
        imported
            .cell_of("/activities/0/retention/0")
            .unwrap()
            .to_string(),
        "Registre!J2"
    );
}

#[test]
fn importing_the_same_workbook_twice_gives_the_same_json() {
    for name in ["ico-controller.xlsx", "reworded.xlsx", "ico-controller.ods"] {
        let first = ropa::to_string(&import_path(fixture(name)).unwrap().register).unwrap();
        let second = ropa::to_string(&import_path(fixture(name)).unwrap().register).unwrap();
        assert_eq!(first, second, "{name}");
    }
}

#[test]
fn a_simple_table_of_ones_own_reads_and_the_uk_is_no_transfer() {
    // A register table as a team keeps it, not the ICO's: seven columns of its own wording.
    let csv = "Processing activity,Purpose,Categories (data/subjects),Recipients,Transfers,Retention,Security\n\
               Billing,Invoicing,Customers; invoice data,Payment processor,None,7 years,\"RBAC, masking\"\n\
               Payroll,Pay staff,Employees; payroll data,HMRC; bank,\"UK, India\",7 years,\"RBAC, masking\"\n";
    let imported = import_bytes(csv.as_bytes().to_vec(), "ropa.csv").unwrap();
    let names: Vec<&str> = imported
        .register
        .activities
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Billing", "Payroll"]);
    let payroll = &imported.register.activities[1];
    // India is a transfer; the UK, where a UK organisation's data stays, is not.
    let countries: Vec<_> = payroll.transfers.iter().map(|t| t.country).collect();
    assert_eq!(countries, ["IN".parse().ok()]);
    assert_eq!(
        payroll.security_measures[0].kind,
        SecurityMeasureKind::AccessControl
    );
    assert!(
        imported.register.activities[0].transfers.is_empty(),
        "'None' is no transfer"
    );
}

#[test]
fn the_example_workbooks_from_real_notices_read_as_a_dpo_filled_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sheets");
    let bathnes = import_path(dir.join("bathnes-information-requests.xlsx")).unwrap();
    let a = &bathnes.register.activities[0];
    assert_eq!(
        bathnes.register.organisation().unwrap().name,
        "Bath & North East Somerset Council"
    );
    assert_eq!(a.purposes.len(), 2);
    assert_eq!(
        a.special_category_conditions[0].schedule_1_paragraph,
        Some(Schedule1Paragraph::StatutoryAndGovernmentPurposes)
    );
    assert!(
        a.data_categories
            .iter()
            .any(|c| c.may_include_special_category)
    );
    assert!(
        a.no_automated_decisions,
        "'Not applicable' under automated decisions"
    );
    let reasons: Vec<UnreadReason> = bathnes.unread.iter().map(|u| u.reason).collect();
    assert_eq!(
        reasons,
        [UnreadReason::ToBeConfirmed, UnreadReason::OwnColumn]
    );

    let lincolnshire = import_path(dir.join("lincolnshire-information-management.xlsx")).unwrap();
    let a = &lincolnshire.register.activities[0];
    assert_eq!(a.name, "Responding to FOI Act 2000 and EIR 2004 requests");
    assert_eq!(a.purposes.len(), 5, "one purpose a bullet");
    let special = a
        .data_categories
        .iter()
        .filter(|c| c.special_category.is_some())
        .count();
    assert_eq!(
        special, 5,
        "the special category column, each of the kind its words say"
    );
    assert_eq!(
        a.special_category_conditions[0].condition,
        Article9Condition::SubstantialPublicInterest
    );
    assert_eq!(
        lincolnshire.register.dpo.as_ref().unwrap().contacts[0]
            .email
            .as_deref(),
        Some("dataprotection@lincolnshire.gov.uk")
    );
    assert_eq!(
        lincolnshire.unread.len(),
        1,
        "only 'See corporate retention schedule' is not read"
    );
}

const TEAM_TABLE: &str = "Notes for the team\n\
    Activity,Why we do it,Whose data,What data,Legal basis,How long,Owner\n\
    Billing,Invoicing,Customers,Name; Invoice data,Contract,7 years after the end of the relationship,Finance\n";

#[test]
fn a_layout_of_ones_own_reads_a_sheet_by_its_headings() {
    let layout = ropa::sheet::Layout::from_json(
        r#"{"heading_row": 2, "columns": {"Activity": "activity_name", "Why we do it": "purpose",
            "Whose data": "individuals", "What data": "personal_data", "Legal basis": "article_6",
            "How long": "retention"}}"#,
        "team.json",
    )
    .unwrap();
    let imported =
        ropa::sheet::import_bytes_with(TEAM_TABLE.as_bytes().to_vec(), "team.csv", &layout)
            .unwrap();
    assert_eq!(imported.layout, "own");
    let a = &imported.register.activities[0];
    assert_eq!(a.name, "Billing");
    assert_eq!(a.data_categories.len(), 2);
    assert_eq!(a.purposes[0].lawful_bases[0].basis, Article6Basis::Contract);
    assert_eq!(
        a.retention[0].retention.trigger,
        Some(RetentionTrigger::EndOfRelationship)
    );
    assert_eq!(
        imported
            .cell_of("/activities/0/retention/0")
            .unwrap()
            .to_string(),
        "team!F3"
    );
    // A heading the layout does not list is the organisation's own: kept.
    assert!(a.notes.iter().any(|n| n.contains("Owner: Finance")));
    // The same table is no ICO template.
    assert!(matches!(
        import_bytes(TEAM_TABLE.as_bytes().to_vec(), "team.csv"),
        Err(SheetError::NoHeadingRow { .. })
    ));
    // A layout whose sheet is not there says what it looked for.
    let elsewhere = ropa::sheet::Layout::from_json(
        r#"{"sheet": "ROPA", "columns": {"Why we do it": "purpose"}}"#,
        "l.json",
    )
    .unwrap();
    let error =
        ropa::sheet::import_bytes_with(TEAM_TABLE.as_bytes().to_vec(), "team.csv", &elsewhere)
            .unwrap_err();
    assert!(
        error.to_string().contains("the layout's 1 headings"),
        "{error}"
    );
}

#[test]
fn the_layout_schema_accepts_exactly_what_the_crate_reads() {
    let schema = ropa::sheet::layout_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let cases = [
        (r#"{"columns": {"Why": "purpose"}}"#, true),
        (
            r#"{"sheet": "ROPA", "heading_row": 3, "columns": {"Why": "purpose", "Who": "individuals"}}"#,
            true,
        ),
        (
            r#"{"sheet": null, "heading_row": null, "columns": {"A": "activity_name"}}"#,
            true,
        ),
        (r#"{"columns": {}}"#, false),
        (r#"{"columns": {"Why": "purpse"}}"#, false),
        (
            r#"{"heading_row": 0, "columns": {"Why": "purpose"}}"#,
            false,
        ),
        (r#"{"columns": {"Why": "purpose"}, "extra": 1}"#, false),
        (r#"{"sheet": "ROPA"}"#, false),
    ];
    for (text, valid) in cases {
        let json: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(validator.is_valid(&json), valid, "schema on {text}");
        assert_eq!(
            ropa::sheet::Layout::from_json(text, "l.json").is_ok(),
            valid,
            "crate on {text}"
        );
    }
    for field in ropa::sheet::FIELD_NAMES {
        let text = format!(r#"{{"columns": {{"H": "{field}"}}}}"#);
        assert!(
            ropa::sheet::Layout::from_json(&text, "l.json").is_ok(),
            "{field}"
        );
    }
}

#[test]
fn the_processor_template_is_a_processor_activity_per_controller() {
    let imported = import_path(fixture("ico-processor.xlsx")).unwrap();
    assert_eq!(imported.layout, "ico-processor");
    let register = &imported.register;
    assert_eq!(register.organisation().unwrap().name, "Payroll Bureau Ltd");
    assert_eq!(
        register.activities.len(),
        2,
        "one activity per controller row"
    );
    let first = &register.activities[0];
    assert_eq!(first.role, ActivityRole::Processor);
    let controller = register
        .index()
        .party(&first.on_behalf_of[0].controller)
        .cloned()
        .unwrap();
    assert_eq!(controller.name, "Northbridge Borough Council");
    assert_eq!(
        controller.contacts[0].email.as_deref(),
        Some("dpo@northbridge.example")
    );
    assert_eq!(
        first.on_behalf_of[0].processing,
        ["Payroll calculation", "Payslips"]
    );
    assert_eq!(
        first.transfers[0].mechanism,
        Some(TransferMechanism::UkIdta)
    );
    assert_eq!(
        imported
            .cell_of("/activities/1/on_behalf_of/0")
            .unwrap()
            .to_string(),
        "Processor!A11"
    );
    // A processor's record has no finding about purposes or bases (Art 30(2) asks for none).
    let report = validate(register, &ValidationOptions::default());
    assert!(report.of_rule("activity-without-purpose").next().is_none());
}

#[test]
fn the_processor_workbook_reads_back_each_controller_and_its_processing() {
    let register = ropa::from_path(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/data/northfield-research-processor.json"),
    )
    .unwrap();
    let options = ropa::report::ReportOptions::default().as_of("2026-12-06".parse().unwrap());
    let bytes = ropa::report::render_processor_workbook(&register, &options).unwrap();
    assert_eq!(
        bytes,
        ropa::report::render_processor_workbook(&register, &options).unwrap()
    );
    let imported = import_bytes(bytes, "processor.xlsx").unwrap();
    assert_eq!(imported.layout, "ico-processor");
    let index = register.index();
    let back_index = imported.register.index();
    let original: Vec<(String, Vec<String>)> = register
        .activities
        .iter()
        .flat_map(|a| &a.on_behalf_of)
        .map(|o| {
            (
                index.party(&o.controller).unwrap().name.clone(),
                o.processing.clone(),
            )
        })
        .collect();
    let back: Vec<(String, Vec<String>)> = imported
        .register
        .activities
        .iter()
        .flat_map(|a| &a.on_behalf_of)
        .map(|o| {
            (
                back_index.party(&o.controller).unwrap().name.clone(),
                o.processing.clone(),
            )
        })
        .collect();
    assert_eq!(back, original);
    assert_eq!(
        imported.register.organisation().unwrap().name,
        register.organisation().unwrap().name
    );
}

#[test]
fn a_formula_is_never_evaluated_and_its_text_is_not_data() {
    // openpyxl stores the formula with no cached value: the cell reads as empty.
    let imported = import_path(fixture("formula.xlsx")).unwrap();
    let a = &imported.register.activities[0];
    assert!(a.retention.is_empty());
    let json = ropa::to_string(&imported.register).unwrap();
    assert!(!json.contains("HYPERLINK"), "{json}");
}

#[test]
fn a_csv_cell_or_row_past_the_bounds_is_refused_naming_its_cell() {
    let long = format!(
        "Purpose of processing\n\"{}\"\n",
        "x".repeat(ropa::sheet::MAX_CELL_CHARS + 1)
    );
    let error = import_bytes(long.into_bytes(), "long.csv").unwrap_err();
    assert!(matches!(error, SheetError::TooLarge { .. }), "{error:?}");
    assert!(error.to_string().contains("long!A2"), "{error}");
    let wide = format!("{}x\n", ",".repeat(16_384));
    let error = import_bytes(wide.into_bytes(), "wide.csv").unwrap_err();
    assert!(error.to_string().contains("past column XFD"), "{error}");
}

#[test]
fn hostile_text_is_written_as_text_and_read_back_as_the_same_text() {
    let hostile = "=HYPERLINK(\"http://evil.example\",\"click\") \u{202e}gnp.exe";
    let register = Register::new(Party::new("org", "Org")).with_activity(
        ProcessingActivity::controller("a", hostile).with_purpose(Purpose::new("p", hostile)),
    );
    let options = ropa::report::ReportOptions::default().as_of("2026-12-06".parse().unwrap());
    let bytes = ropa::report::render_workbook(&register, &options).unwrap();
    let imported = import_bytes(bytes, "hostile.xlsx").unwrap();
    let a = &imported.register.activities[0];
    assert_eq!(
        a.purposes[0].description, hostile,
        "a string, never a formula"
    );
    assert_eq!(a.name, hostile);
}
