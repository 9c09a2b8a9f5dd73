//! Automated decisions (Art 22), DPIAs (Art 35) and information for data subjects (Art 14).

use super::{ActivityContext, Context, Rule, Severity};
use crate::model::text::is_stated;
use crate::model::{
    Article6Basis, Article9Condition, Article22Basis, Article35Trigger, DecisionSafeguard,
    DpiaStatus, HighRiskOperation, ProcessingActivity, Regime, RiskCriterion, SourceKind,
    SpecialCategoryKind, article_35_4_entry,
};

/// The types of processing on the Art 35(4) list that the activity involves on the reference date
/// (those recorded, and those the register shows: biometric or genetic data, an online service
/// offered to children, data obtained under an Art 14(5) exemption), where an entry that needs
/// another WP248 criterion has one besides the criterion the operation itself meets.
fn listed_operations(
    ctx: &Context<'_>,
    activity: &ProcessingActivity,
    criteria: &[RiskCriterion],
) -> Vec<HighRiskOperation> {
    let mut operations: Vec<HighRiskOperation> = activity.high_risk_operations.clone();
    let mut add = |o: HighRiskOperation| {
        if !operations.contains(&o) {
            operations.push(o);
        }
    };
    for category in &activity.data_categories {
        match category.special_category {
            Some(SpecialCategoryKind::Biometric) => add(HighRiskOperation::BiometricData),
            Some(SpecialCategoryKind::Genetic) => add(HighRiskOperation::GeneticData),
            _ => {}
        }
    }
    if activity.information_society_service && activity.data_subjects.iter().any(|s| s.children) {
        add(HighRiskOperation::TargetingChildren);
    }
    if is_stated(activity.notice_exemption.as_deref())
        && activity.data_categories.iter().any(|c| {
            c.sources
                .iter()
                .any(|s| matches!(s.kind, SourceKind::ThirdParty | SourceKind::PublicSources))
        })
    {
        add(HighRiskOperation::InvisibleProcessing);
    }
    operations.retain(|&operation| {
        let Some(entry) = article_35_4_entry(ctx.regime, operation, ctx.as_of) else {
            return false;
        };
        // The WP248 criterion the operation meets by itself does not count as another one.
        let own = match operation {
            HighRiskOperation::BiometricData | HighRiskOperation::GeneticData => {
                Some(RiskCriterion::SensitiveData)
            }
            HighRiskOperation::Tracking => Some(RiskCriterion::SystematicMonitoring),
            HighRiskOperation::InnovativeTechnology => Some(RiskCriterion::InnovativeTechnology),
            _ => None,
        };
        !entry.with_another_criterion || criteria.iter().any(|c| Some(*c) != own)
    });
    operations
}

/// Fires when a solely automated decision with legal or similarly significant effects lacks the
/// condition the law sets on the reference date. EU GDPR, and UK GDPR before 5 February 2026: an
/// Art 22(2) exception (contract, law, explicit consent), and with special category data explicit
/// consent or substantial public interest (Art 22(4)). UK GDPR from 5 February 2026 (Arts 22A-22D):
/// such decisions are allowed with the Art 22C safeguards, so it fires only for the restricted
/// cases of Art 22B: special category data without explicit consent, or without contract or law
/// together with Art 9(2)(g) (22B(1)-(3)); or processing that rests on Art 6(1)(ea) alone (22B(4)).
pub const AUTOMATED_DECISION_WITHOUT_BASIS: Rule = Rule {
    id: "automated-decision-without-basis",
    severity: Severity::Error,
    citation: "Art 22(2)",
    summary: "A solely automated significant decision without the condition it needs (Art 22(2), 22(4); UK from 5 Feb 2026 the Art 22B restrictions).",
};

/// Fires when a solely automated significant decision does not record the safeguards the law asks
/// for. UK GDPR from 5 February 2026 (Art 22C): for every such decision, information about it,
/// making representations, human intervention and contesting it. EU GDPR, and UK GDPR before that
/// date (Art 22(3)): where the decision rests on contract or explicit consent, human intervention,
/// expressing one's point of view and contesting it. A warning: the safeguards may be in place
/// without being recorded (`safeguards_in_place`).
pub const AUTOMATED_DECISION_SAFEGUARDS_MISSING: Rule = Rule {
    id: "automated-decision-safeguards-missing",
    severity: Severity::Warning,
    citation: "Art 22(3)",
    summary: "A solely automated significant decision without its safeguards recorded (Art 22(3); UK from 5 Feb 2026 Art 22C).",
};

/// Fires when a controller's activity records no DPIA (completed, in progress, or a document) and
/// either meets an Art 35(3) case or a type of processing on the supervisory authority's Art 35(4)
/// list on the reference date ([`crate::model::ARTICLE_35_4_LIST`]: the ICO's for the UK; some entries
/// count only beside another WP248 criterion), which always need one, or meets two or more WP248
/// criteria (counting those the register shows itself: sensitive data, vulnerable people or
/// children, large scale, significant automated decisions), which presume one. A DPIA recorded as
/// not required, with the reasons in its note, answers the presumption, not the cases that always
/// need one. Likely high-risk processing needs a DPIA before it starts (Art 35(1)).
pub const DPIA_EXPECTED: Rule = Rule {
    id: "dpia-expected",
    severity: Severity::Warning,
    citation: "Art 35(1)",
    summary: "High-risk indicators (Art 35(3), the Art 35(4) list, or two WP248 criteria) and no DPIA, nor reasons why none is needed.",
};

/// Fires when data comes from third parties or public sources and the activity records neither a
/// privacy notice nor an Art 14(5) exemption: people must be told within a month (Art 14(3)).
pub const THIRD_PARTY_SOURCE_WITHOUT_NOTICE: Rule = Rule {
    id: "third-party-source-without-notice",
    severity: Severity::Warning,
    citation: "Art 14",
    summary: "Data from third parties with no privacy notice or exemption recorded.",
};

/// The law a solely automated significant decision is judged by.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DecisionLaw {
    /// Art 22 as it stood: the EU GDPR, or the UK GDPR before 5 February 2026.
    Article22,
    /// The old Art 22 kept for UK decisions taken before 5 February 2026 (SI 2026/82 reg 5),
    /// judged on a later date.
    Article22Saved,
    /// UK GDPR Arts 22A-22D, from 5 February 2026.
    Articles22AToD,
}

/// The laws a decision answers to on the reference date: under the UK GDPR after 5 February 2026,
/// the new Arts 22A-22D for decisions taken since, and the old Art 22 for those taken before,
/// where the decision was in use then.
fn decision_laws(ctx: &Context<'_>, d: &crate::model::AutomatedDecision) -> Vec<DecisionLaw> {
    let from = crate::law::DUAA_FROM;
    if ctx.regime != Regime::UkGdpr || ctx.as_of < from {
        return vec![DecisionLaw::Article22];
    }
    let mut laws = Vec::new();
    if d.in_use_since.is_some_and(|since| since < from) {
        laws.push(DecisionLaw::Article22Saved);
    }
    if d.in_use_until.is_none_or(|until| until >= from) {
        laws.push(DecisionLaw::Articles22AToD);
    }
    laws
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    for (i, decision) in a.activity.automated_decisions.iter().enumerate() {
        if decision.solely_automated && decision.significant_effects {
            for law in decision_laws(ctx, decision) {
                check_decision(ctx, a, i, decision, law);
            }
        }
    }
    if !a.is_controller() {
        return;
    }
    check_dpia(ctx, a);
    check_third_party_notice(ctx, a);
}

/// A solely automated decision with significant effects: its safeguards, and its Art 22(2)
/// exception (Art 22B under the UK GDPR from 5 February 2026).
fn check_decision(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    i: usize,
    decision: &crate::model::AutomatedDecision,
    law: DecisionLaw,
) {
    let activity = a.activity;
    let path = format!("{}/automated_decisions/{i}", a.path);
    let uk_22b = law == DecisionLaw::Articles22AToD;
    if law == DecisionLaw::Article22Saved {
        return check_saved_decision(ctx, a, i, decision);
    }
    let required: &[DecisionSafeguard] = if uk_22b {
        DecisionSafeguard::ALL
    } else if matches!(
        decision.basis,
        Some(Article22Basis::Contract | Article22Basis::ExplicitConsent)
    ) {
        &[
            DecisionSafeguard::Representations,
            DecisionSafeguard::HumanIntervention,
            DecisionSafeguard::Contest,
        ]
    } else {
        &[]
    };
    let missing: Vec<&str> = required
        .iter()
        .filter(|s| !decision.safeguards_in_place.contains(s))
        .map(|s| crate::model::labels::Label::label(*s))
        .collect();
    if !missing.is_empty() {
        let provision = if uk_22b { "Art 22C" } else { "Art 22(3)" };
        ctx.report(&AUTOMATED_DECISION_SAFEGUARDS_MISSING, path.clone(), format!("'{}' is a solely automated significant decision, and the safeguards {provision} asks for are not recorded: {}; record them in the safeguards in place field.", crate::model::text::mention(&decision.description, ""), missing.join(", ")));
    }
    if uk_22b {
        check_article_22b(ctx, activity, decision, path);
        return;
    }
    match decision.basis {
        None => ctx.report(&AUTOMATED_DECISION_WITHOUT_BASIS, path, "A solely automated decision with significant effects needs an Art 22(2) exception: contract, authorisation by law, or explicit consent.".to_owned()),
        Some(basis) if decision.uses_special_category_data
            && basis != Article22Basis::ExplicitConsent
            && !activity.special_category_conditions.iter().any(|c| c.condition == Article9Condition::SubstantialPublicInterest) =>
        {
            ctx.report(&AUTOMATED_DECISION_WITHOUT_BASIS, path, "A solely automated decision using special category data needs explicit consent or substantial public interest (Art 22(4)).".to_owned());
        }
        _ => {}
    }
}

/// A UK decision taken before 5 February 2026, judged after it: by the old Art 22, which SI 2026/82
/// reg 5 keeps for it, each finding saying so and citing the article of its time.
fn check_saved_decision(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    i: usize,
    decision: &crate::model::AutomatedDecision,
) {
    let path = format!("{}/automated_decisions/{i}", a.path);
    let name = crate::model::text::mention(&decision.description, "");
    let saved =
        "decisions taken before 5 February 2026 stay under the old Art 22 (SI 2026/82 reg 5)";
    let consented = matches!(
        decision.basis,
        Some(Article22Basis::Contract | Article22Basis::ExplicitConsent)
    );
    let missing: Vec<&str> = [
        DecisionSafeguard::Representations,
        DecisionSafeguard::HumanIntervention,
        DecisionSafeguard::Contest,
    ]
    .iter()
    .filter(|s| consented && !decision.safeguards_in_place.contains(s))
    .map(|s| crate::model::labels::Label::label(*s))
    .collect();
    if !missing.is_empty() {
        ctx.report_citing_exactly(&AUTOMATED_DECISION_SAFEGUARDS_MISSING, AUTOMATED_DECISION_SAFEGUARDS_MISSING.severity, "Art 22(3)", path.clone(), format!("'{name}': {saved}, and the safeguards Art 22(3) asked for are not recorded: {}; record them in the safeguards in place field.", missing.join(", ")));
    }
    let special_without = decision.uses_special_category_data
        && decision.basis != Some(Article22Basis::ExplicitConsent)
        && !a
            .activity
            .special_category_conditions
            .iter()
            .any(|c| c.condition == Article9Condition::SubstantialPublicInterest);
    let (citation, message) = match decision.basis {
        None => (
            "Art 22(2)",
            format!(
                "'{name}': {saved}, and a solely automated decision with significant effects then needed an Art 22(2) exception: contract, authorisation by law, or explicit consent."
            ),
        ),
        Some(_) if special_without => (
            "Art 22(4)",
            format!(
                "'{name}': {saved}, and a solely automated decision using special category data then needed explicit consent or substantial public interest (Art 22(4))."
            ),
        ),
        Some(_) => return,
    };
    ctx.report_citing_exactly(
        &AUTOMATED_DECISION_WITHOUT_BASIS,
        AUTOMATED_DECISION_WITHOUT_BASIS.severity,
        citation,
        path,
        message,
    );
}

/// The WP248 criteria an activity shows: those recorded, and those its data, data subjects, scale
/// and decisions show.
fn risk_criteria(activity: &crate::model::ProcessingActivity) -> Vec<RiskCriterion> {
    let mut criteria: Vec<RiskCriterion> = activity.risk_criteria.clone();
    let mut add = |c: RiskCriterion| {
        if !criteria.contains(&c) {
            criteria.push(c);
        }
    };
    if activity.has_special_category_data() || activity.has_criminal_offence_data() {
        add(RiskCriterion::SensitiveData);
    }
    if activity
        .data_subjects
        .iter()
        .any(|s| s.vulnerable || s.children)
    {
        add(RiskCriterion::VulnerableDataSubjects);
    }
    if activity.large_scale == Some(true) {
        add(RiskCriterion::LargeScale);
    }
    if activity
        .automated_decisions
        .iter()
        .any(|d| d.solely_automated && d.significant_effects)
    {
        add(RiskCriterion::AutomatedDecisionWithSignificantEffect);
    }
    criteria
}

/// The Art 35(3) cases recorded, and large-scale special category data where the record shows it.
fn article_35_3_triggers(activity: &crate::model::ProcessingActivity) -> Vec<Article35Trigger> {
    let mut triggers: Vec<Article35Trigger> = activity.article_35_3_triggers.clone();
    if activity.large_scale == Some(true)
        && (activity.has_special_category_data() || activity.has_criminal_offence_data())
        && !triggers.contains(&Article35Trigger::LargeScaleSpecialCategory)
    {
        triggers.push(Article35Trigger::LargeScaleSpecialCategory);
    }
    triggers
}

/// A DPIA where the activity always needs one (Art 35(3), the Art 35(4) list) or is presumed to
/// (two or more WP248 criteria), unless it is recorded as not required with reasons.
fn check_dpia(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let criteria = risk_criteria(activity);
    let triggers = article_35_3_triggers(activity);
    let listed = listed_operations(ctx, activity, &criteria);
    let dpia = activity.dpia.as_ref();
    let dpia_done = dpia.is_some_and(|d| {
        d.document.is_some()
            || matches!(
                d.status,
                Some(DpiaStatus::Completed | DpiaStatus::InProgress)
            )
    });
    let judged_not_required = dpia.is_some_and(|d| {
        (d.status == Some(DpiaStatus::NotRequired) || d.required == Some(false))
            && is_stated(d.note.as_deref())
    });
    let always = !triggers.is_empty() || !listed.is_empty();
    let presumed = criteria.len() >= 2;
    // Reasons for needing none answer the WP248 presumption, never a case that always needs one.
    let answered = judged_not_required && !always;
    if (always || presumed) && !dpia_done && !answered {
        use crate::model::labels::Label;
        // Each case in words, not its spelling (the Art 35(3) labels carry their citation).
        let reasons: Vec<String> = triggers
            .iter()
            .map(|t| t.label().to_owned())
            .chain(
                listed
                    .iter()
                    .map(|o| format!("{} (Art 35(4) list)", o.label())),
            )
            .chain(criteria.iter().map(|c| c.label().to_owned()))
            .collect();
        let message = if judged_not_required {
            format!(
                "'{}' is recorded as needing no DPIA, but it is a case that always needs one ({}); carry one out.",
                a.name(),
                reasons.join(", ")
            )
        } else {
            format!(
                "'{}' shows high-risk indicators ({}) and no DPIA is recorded; carry one out or, unless a case always needs one, record as not required why it is not needed.",
                a.name(),
                reasons.join(", ")
            )
        };
        ctx.report(&DPIA_EXPECTED, a.path.clone(), message);
    }
}

/// Data from third parties or public sources with neither a privacy notice nor an exemption.
fn check_third_party_notice(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if activity.privacy_notice.is_none() && activity.notice_exemption.is_none() {
        let sourced = activity.data_categories.iter().position(|c| {
            c.sources
                .iter()
                .any(|s| matches!(s.kind, SourceKind::ThirdParty | SourceKind::PublicSources))
        });
        if let Some(i) = sourced {
            ctx.report(&THIRD_PARTY_SOURCE_WITHOUT_NOTICE, format!("{}/data_categories/{i}/sources", a.path), format!("'{}' gets data from third parties but records no privacy notice (Art 14) or exemption (Art 14(5)).", a.name()));
        }
    }
}

/// UK GDPR Art 22B, from 5 February 2026: the restricted solely automated significant decisions.
fn check_article_22b(
    ctx: &mut Context<'_>,
    activity: &crate::model::ProcessingActivity,
    decision: &crate::model::AutomatedDecision,
    path: String,
) {
    let substantial_public_interest = activity
        .special_category_conditions
        .iter()
        .any(|c| c.condition == Article9Condition::SubstantialPublicInterest);
    if decision.uses_special_category_data {
        let allowed = match decision.basis {
            Some(Article22Basis::ExplicitConsent) => true,
            Some(Article22Basis::Contract | Article22Basis::AuthorisedByLaw) => {
                substantial_public_interest
            }
            _ => false,
        };
        if !allowed {
            ctx.report(&AUTOMATED_DECISION_WITHOUT_BASIS, path, "A significant decision based solely on automated processing of special category data needs the data subject's explicit consent, or must be necessary for a contract or required or authorised by law with Art 9(2)(g) applying (Art 22B(1)-(3)); record the basis and the Art 9(2)(g) condition.".to_owned());
            return;
        }
    }
    let bases: Vec<Article6Basis> = activity
        .purposes
        .iter()
        .flat_map(|p| p.lawful_bases.iter().map(|b| b.basis))
        .collect();
    if !bases.is_empty()
        && bases
            .iter()
            .all(|b| *b == Article6Basis::RecognisedLegitimateInterest)
    {
        ctx.report(&AUTOMATED_DECISION_WITHOUT_BASIS, path, "A significant decision based solely on automated processing may not rest on a recognised legitimate interest (Art 6(1)(ea)) alone (Art 22B(4)); rely on another Art 6 basis, or have a person take the decision.".to_owned());
    }
}
