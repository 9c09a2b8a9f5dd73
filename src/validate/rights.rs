//! Automated decisions (Art 22), DPIAs (Art 35) and information for data subjects (Art 14).

use super::{ActivityContext, Context, Rule, Severity};
use crate::{
    Article9Condition, Article22Basis, Article35Trigger, DpiaStatus, RiskCriterion, SourceKind,
};

/// Fires when a solely automated decision with legal or similarly significant effects has no
/// Art 22(2) exception (contract, law, explicit consent), or uses special category data without
/// explicit consent or substantial public interest (Art 22(4)).
pub const AUTOMATED_DECISION_WITHOUT_BASIS: Rule = Rule {
    id: "automated-decision-without-basis",
    severity: Severity::Error,
    citation: "Art 22(2)",
    summary: "A solely automated significant decision without an Art 22(2) or 22(4) basis.",
};

/// Fires when a controller's activity meets an Art 35(3) case, or two or more WP248 criteria
/// (counting those the register shows itself: sensitive data, vulnerable people or children,
/// large scale, significant automated decisions), and records no DPIA (or records it as not
/// required). Likely high-risk processing needs a DPIA before it starts (Art 35(1)).
pub const DPIA_EXPECTED: Rule = Rule {
    id: "dpia-expected",
    severity: Severity::Warning,
    citation: "Art 35(1)",
    summary: "High-risk indicators with no DPIA recorded.",
};

/// Fires when data comes from third parties or public sources and the activity records neither a
/// privacy notice nor an Art 14(5) exemption: people must be told within a month (Art 14(3)).
pub const THIRD_PARTY_SOURCE_WITHOUT_NOTICE: Rule = Rule {
    id: "third-party-source-without-notice",
    severity: Severity::Warning,
    citation: "Art 14",
    summary: "Data from third parties with no privacy notice or exemption recorded.",
};

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    for (i, decision) in activity.automated_decisions.iter().enumerate() {
        if !(decision.solely_automated && decision.significant_effects) {
            continue;
        }
        let path = format!("{}/automated_decisions/{i}", a.path);
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

    if !a.is_controller() {
        return;
    }
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
    let mut triggers: Vec<Article35Trigger> = activity.article_35_3_triggers.clone();
    if activity.large_scale == Some(true)
        && (activity.has_special_category_data() || activity.has_criminal_offence_data())
        && !triggers.contains(&Article35Trigger::LargeScaleSpecialCategory)
    {
        triggers.push(Article35Trigger::LargeScaleSpecialCategory);
    }
    let dpia_done = activity.dpia.as_ref().is_some_and(|d| {
        d.document.is_some()
            || matches!(
                d.status,
                Some(DpiaStatus::Completed | DpiaStatus::InProgress)
            )
    });
    if (!triggers.is_empty() || criteria.len() >= 2) && !dpia_done {
        let reasons: Vec<&str> = triggers
            .iter()
            .map(|t| t.as_str())
            .chain(criteria.iter().map(|c| c.as_str()))
            .collect();
        ctx.report(&DPIA_EXPECTED, a.path.clone(), format!("'{}' shows high-risk indicators ({}) and no DPIA is recorded; carry one out or record why it is not needed.", a.name(), reasons.join(", ")));
    }

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
