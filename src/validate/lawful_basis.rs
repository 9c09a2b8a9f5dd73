//! Art 6 lawful bases and what each needs beside it.

use super::once::report_once;
use super::{ActivityContext, Context, Rule, Severity};
use crate::law::{DUAA_FROM, Provision, in_force};
use crate::model::text::{is_blank, is_stated, mention};
use crate::model::{Article6Basis, Regime};

/// Fires when a purpose of a controller's activity has no Art 6(1) basis, neither its own nor one
/// stated for the whole activity nor one for every category of the activity's data: processing
/// is lawful only on one of them.
pub const PURPOSE_WITHOUT_LAWFUL_BASIS: Rule = Rule {
    id: "purpose-without-lawful-basis",
    severity: Severity::Error,
    citation: "Art 6(1)",
    summary: "A purpose has no Art 6 lawful basis.",
};

/// Fires when one purpose relies on more than one basis. It can be right (a statutory duty and a
/// public task), but the basis decides the rights people have (Art 13(1)(c), 17, 20, 21), so each
/// purpose should say which one applies.
pub const MULTIPLE_LAWFUL_BASES: Rule = Rule {
    id: "multiple-lawful-bases",
    severity: Severity::Warning,
    citation: "Art 6(1)",
    summary: "A purpose relies on more than one lawful basis.",
};

/// Fires when legitimate interests are relied on without stating the interest (an error: the
/// basis is not made out, and the interest must be told to people, Art 13(1)(d)) or, the interest
/// stated, without referencing a legitimate interests assessment (a warning: the balancing test
/// must be done and shown, Art 5(2), but the register need not hold it). Text of white space or
/// invisible characters only states no interest.
pub const LEGITIMATE_INTERESTS_WITHOUT_ASSESSMENT: Rule = Rule {
    id: "legitimate-interests-without-assessment",
    severity: Severity::Error,
    citation: "Art 6(1)(f)",
    summary: "Legitimate interests without the interest stated (error) or, the interest stated, without an LIA (warning).",
};

/// Fires when a public authority relies on legitimate interests: Art 6(1) second subparagraph
/// bars it for processing in the performance of their tasks. Under the UK GDPR from 5 February
/// 2026 the bar covers recognised legitimate interests (Art 6(1)(ea)) too, so those are caught
/// alike. A warning, because an authority may rely on them for what is not one of its tasks.
pub const PUBLIC_AUTHORITY_LEGITIMATE_INTERESTS: Rule = Rule {
    id: "public-authority-legitimate-interests",
    severity: Severity::Warning,
    citation: "Art 6(1) second subparagraph",
    summary: "A public authority relies on legitimate interests (UK from 5 Feb 2026: or on recognised legitimate interests).",
};

/// Fires when legal obligation (c) or public task (e) is relied on without the law that lays it
/// down (or with only blank text as the law): Art 6(3) requires a basis in law. A warning: the
/// law must exist, but the register need not name it. One finding for an activity, naming each
/// basis that lacks it.
pub const BASIS_WITHOUT_LEGAL_SOURCE: Rule = Rule {
    id: "basis-without-legal-source",
    severity: Severity::Warning,
    citation: "Art 6(3)",
    summary: "Legal obligation or public task without the law relied on.",
};

/// Fires when consent is relied on without a reference to where consent is recorded (Art 7(1):
/// the controller must be able to demonstrate it) or without saying how it is withdrawn (Art 7(3);
/// blank text says nothing). One finding for an activity, naming each basis that lacks them.
pub const CONSENT_WITHOUT_RECORD: Rule = Rule {
    id: "consent-without-record",
    severity: Severity::Warning,
    citation: "Art 7(1)",
    summary: "Consent without a consent record or a withdrawal route.",
};

/// Fires when a recognised legitimate interest (Art 6(1)(ea)) is relied on outside the UK: the
/// basis exists only in the UK GDPR (Data (Use and Access) Act 2025).
pub const RECOGNISED_LEGITIMATE_INTEREST_OUTSIDE_UK: Rule = Rule {
    id: "recognised-legitimate-interest-outside-uk",
    severity: Severity::Error,
    citation: "Art 6(1)",
    summary: "A recognised legitimate interest relied on under the EU GDPR.",
};

/// UK only. Fires when a recognised legitimate interest (Art 6(1)(ea)) is relied on without naming
/// the UK GDPR Annex 1 condition it rests on: the basis exists only through one of those
/// conditions, and people must be told which (Art 13(1)(c)). An error: a recognised legitimate
/// interest is nothing but its Annex 1 condition, so the record without one shows processing on a
/// ground that, as recorded, does not exist (as special category data without an Art 9
/// condition does).
pub const RECOGNISED_LEGITIMATE_INTEREST_WITHOUT_CONDITION: Rule = Rule {
    id: "recognised-legitimate-interest-without-condition",
    severity: Severity::Error,
    citation: "Art 6(1)(ea)",
    summary: "A recognised legitimate interest that names no Annex 1 condition.",
};

/// UK only. Fires when a recognised legitimate interest (Art 6(1)(ea)) is relied on before
/// 5 February 2026, when the basis came into force (Data (Use and Access) Act 2025 s70,
/// SI 2026/82): on that date the processing had no lawful basis of its own.
pub const RECOGNISED_LEGITIMATE_INTEREST_BEFORE_COMMENCEMENT: Rule = Rule {
    id: "recognised-legitimate-interest-before-commencement",
    severity: Severity::Error,
    citation: "Art 6(1)",
    summary: "A recognised legitimate interest relied on before it existed (5 Feb 2026).",
};

/// Fires when an information society service offered directly to children relies on consent,
/// its data subjects include children who may be under the age of digital consent, and no
/// parental authorisation is recorded. The age is the one on the reference date: 13 in the UK;
/// under the EU GDPR the age of the member state of establishment (`member_state`, else the
/// organisation's country), 13 to 16, or 16 where neither is recorded (`law::child_consent`).
/// A warning: the authorisation must be obtained and verifiable (Art 8(2)), not written here.
pub const CHILD_CONSENT_AGE: Rule = Rule {
    id: "child-consent-age",
    severity: Severity::Warning,
    citation: "Art 8(1)",
    summary: "Consent from children below the age of digital consent without parental authorisation.",
};

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if !a.is_controller() {
        return;
    }
    let children = young_children(ctx, activity);
    // Where the register gives a basis for every category of data ("for web analytics: consent;
    // for all other data: public task"), every purpose's processing has one.
    let every_category_based = !activity.data_categories.is_empty()
        && activity
            .data_categories
            .iter()
            .all(|c| !c.lawful_bases.is_empty());
    let mut gaps = Gaps::default();
    for (i, purpose) in activity.purposes.iter().enumerate() {
        check_purpose_basis(ctx, a, i, purpose, every_category_based);
    }
    // Only lists that hold a basis are walked, and each says its pointer and name once.
    for list in a.basis_lists() {
        let (pointer, name) = (list.pointer(), list.name());
        check_bases(ctx, a, list.bases, &pointer, &name, children, &mut gaps);
    }
    report_consent_gaps(ctx, a, &gaps.consent);
    report_once(
        ctx,
        &BASIS_WITHOUT_LEGAL_SOURCE,
        &gaps.legal_source,
        &a.path,
        |basis| {
            format!(
                "{basis} is relied on without the law that lays it down; add the statute or rule of law to the legal sources field."
            )
        },
        |list| {
            format!(
                "Legal obligation or public task is relied on in {} places of '{}' without the law that lays it down: {list}. Add the statute or rule of law to each one's legal sources field.",
                gaps.legal_source.len(),
                a.name()
            )
        },
    );
}

/// Whether children below the age of digital consent may take part, and that age.
fn young_children(ctx: &Context<'_>, activity: &crate::model::ProcessingActivity) -> (bool, u8) {
    // The member state of establishment, where the register records one, decides the EU age
    // (Art 8(1) second subparagraph); else the organisation's country.
    let consent_age = crate::law::digital_consent_age(
        ctx.regime,
        ctx.register.member_state.or(ctx.organisation_country),
        ctx.as_of,
    )
    .age;
    let young_children = activity
        .data_subjects
        .iter()
        .any(|s| s.children && s.minimum_age.is_none_or(|age| age < consent_age));
    (young_children, consent_age)
}

/// A purpose with no basis anywhere, or with more than one.
fn check_purpose_basis(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    i: usize,
    purpose: &crate::model::Purpose,
    every_category_based: bool,
) {
    let activity = a.activity;
    let path = || format!("{}/purposes/{i}", a.path);
    if purpose.lawful_bases.is_empty() && activity.lawful_bases.is_empty() && !every_category_based
    {
        ctx.report(
            &PURPOSE_WITHOUT_LAWFUL_BASIS,
            path(),
            format!(
                "The purpose '{}' has no Art 6 lawful basis; state the basis relied on.",
                mention(&purpose.description, purpose.id.as_str())
            ),
        );
    }
    if activity.bases_of(purpose).nth(1).is_some() {
        let bases: Vec<&str> = activity
            .bases_of(purpose)
            .map(|b| b.basis.citation())
            .collect();
        let at = if purpose.lawful_bases.is_empty() {
            format!("{}/lawful_bases", a.path)
        } else {
            format!("{}/lawful_bases", path())
        };
        ctx.report(&MULTIPLE_LAWFUL_BASES, at, format!("The purpose '{}' relies on {}; say which applies to what, since the basis decides people's rights.", crate::model::text::mention(&purpose.description, purpose.id.as_str()), bases.join(" and ")));
    }
}

/// Consent without a record or a withdrawal route: one finding an activity, however many
/// places share the gap.
fn report_consent_gaps(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    consent_gaps: &[(String, &'static str, String)],
) {
    if let Some((first, missing, what)) = consent_gaps.first() {
        let message = if consent_gaps.len() == 1 {
            format!("Consent is relied on for '{what}' but the register does not say {missing}.")
        } else {
            let places: Vec<String> = consent_gaps
                .iter()
                .map(|(path, missing, _)| format!("{path} ({missing})"))
                .collect();
            format!(
                "Consent is relied on in {} places of '{}' and the register does not say where it is recorded or how it is withdrawn: {}.",
                consent_gaps.len(),
                a.name(),
                places.join("; ")
            )
        };
        // Several places: the finding is the activity's, wherever they are in its lists.
        let at = if consent_gaps.len() == 1 {
            first.clone()
        } else {
            a.path.clone()
        };
        ctx.report(&CONSENT_WITHOUT_RECORD, at, message);
    }
}

/// The gaps that are one gap however many bases share them: reported once an activity.
#[derive(Default)]
struct Gaps {
    /// Consent without a record or a withdrawal route: place, what is missing, what it is for.
    consent: Vec<(String, &'static str, String)>,
    /// Legal obligation or public task without the law: place, the basis.
    legal_source: Vec<(String, String)>,
}

/// What each basis of one list needs beside it; `parent` is the pointer of the list's owner and
/// `what` its name for messages.
fn check_bases(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    bases: &[crate::model::LawfulBasis],
    parent: &str,
    what: &str,
    (young_children, consent_age): (bool, u8),
    gaps: &mut Gaps,
) {
    for (j, basis) in bases.iter().enumerate() {
        let path = || format!("{parent}/lawful_bases/{j}");
        match basis.basis {
            Article6Basis::LegitimateInterests => check_legitimate_interests(ctx, basis, &path()),
            Article6Basis::LegalObligation | Article6Basis::PublicTask
                if basis.legal_sources.iter().all(|s| is_blank(s)) =>
            {
                gaps.legal_source.push((
                    path(),
                    format!("{} ({})", basis.basis.label(), basis.basis.citation()),
                ));
            }
            Article6Basis::RecognisedLegitimateInterest if ctx.regime == Regime::EuGdpr => {
                ctx.report(&RECOGNISED_LEGITIMATE_INTEREST_OUTSIDE_UK, path(), "Recognised legitimate interests (Art 6(1)(ea)) exist only under the UK GDPR; choose an Art 6(1) basis of the EU GDPR.".to_owned());
            }
            Article6Basis::RecognisedLegitimateInterest if ctx.as_of < DUAA_FROM => {
                ctx.report(&RECOGNISED_LEGITIMATE_INTEREST_BEFORE_COMMENCEMENT, path(), format!("Recognised legitimate interests (Art 6(1)(ea)) apply only from 5 February 2026 (Data (Use and Access) Act 2025, SI 2026/82); on {} the processing needs another Art 6(1) basis.", ctx.as_of));
            }
            Article6Basis::RecognisedLegitimateInterest => {
                check_recognised_legitimate_interest(ctx, basis, &path());
            }
            Article6Basis::Consent => {
                let place = (path(), what);
                check_consent(ctx, a, basis, place, (young_children, consent_age), gaps);
            }
            _ => {}
        }
    }
}

/// Legitimate interests: the interest and its assessment recorded, and not a public authority's
/// tasks.
fn check_legitimate_interests(
    ctx: &mut Context<'_>,
    basis: &crate::model::LawfulBasis,
    path: &str,
) {
    let path = || path.to_owned();
    let no_interest = !is_stated(basis.interest.as_deref());
    let no_assessment = basis.assessment.is_none();
    if no_interest || no_assessment {
        let (severity, missing) = match (no_interest, no_assessment) {
            (true, true) => (
                Severity::Error,
                "the interest pursued and a legitimate interests assessment",
            ),
            (true, false) => (Severity::Error, "the interest pursued"),
            _ => (Severity::Warning, "a legitimate interests assessment"),
        };
        ctx.report_as(
            &LEGITIMATE_INTERESTS_WITHOUT_ASSESSMENT,
            severity,
            path(),
            format!("Legitimate interests are relied on without {missing}."),
        );
    }
    if ctx.public_authority {
        ctx.report(&PUBLIC_AUTHORITY_LEGITIMATE_INTERESTS, path(), "A public authority cannot rely on legitimate interests for processing in the performance of its tasks; use public task (Art 6(1)(e)) unless this is outside its tasks.".to_owned());
    }
}

/// A recognised legitimate interest (UK GDPR Art 6(1)(ea)): its Annex 1 condition named, and not
/// a public authority's tasks.
fn check_recognised_legitimate_interest(
    ctx: &mut Context<'_>,
    basis: &crate::model::LawfulBasis,
    path: &str,
) {
    let path = || path.to_owned();
    if basis.recognised_legitimate_interest.is_none() {
        ctx.report(&RECOGNISED_LEGITIMATE_INTEREST_WITHOUT_CONDITION, path(), "A recognised legitimate interest is relied on without naming its UK GDPR Annex 1 condition; set the recognised legitimate interest field to one of them (a disclosure for a public task; national security, public security or defence; emergencies; crime; safeguarding vulnerable individuals).".to_owned());
    }
    // From 5 Feb 2026 (UK) the public-authority bar covers (ea) as well as (f).
    if ctx.public_authority
        && in_force(
            Provision::RecognisedLegitimateInterests,
            ctx.regime,
            ctx.as_of,
        )
    {
        ctx.report(&PUBLIC_AUTHORITY_LEGITIMATE_INTERESTS, path(), "A public authority cannot rely on recognised legitimate interests (Art 6(1)(ea)) for processing in the performance of its tasks (Art 6(1), as amended from 5 February 2026); use public task (Art 6(1)(e)) unless this is outside its tasks.".to_owned());
    }
}

/// Consent: where it is recorded and how it is withdrawn, and a parent's authorisation where
/// young children use an online service.
fn check_consent(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    basis: &crate::model::LawfulBasis,
    (path, what): (String, &str),
    (young_children, consent_age): (bool, u8),
    gaps: &mut Gaps,
) {
    let activity = a.activity;
    let path = || path.clone();
    let consent = basis.consent.as_ref();
    let no_record = consent.and_then(|c| c.record.as_ref()).is_none();
    let no_withdrawal = !is_stated(consent.and_then(|c| c.withdrawal.as_deref()));
    if no_record || no_withdrawal {
        let missing = match (no_record, no_withdrawal) {
            (true, true) => {
                "where consent is recorded (Art 7(1)) nor how it is withdrawn (Art 7(3))"
            }
            (true, false) => "where consent is recorded (Art 7(1))",
            _ => "how consent is withdrawn (Art 7(3))",
        };
        gaps.consent.push((path(), missing, what.to_owned()));
    }
    if activity.information_society_service
        && young_children
        && !is_stated(consent.and_then(|c| c.parental_authorisation.as_deref()))
    {
        ctx.report(&CHILD_CONSENT_AGE, path(), format!("An online service offered to children relies on consent, but children under {consent_age} may take part and no parental authorisation is recorded."));
    }
}
