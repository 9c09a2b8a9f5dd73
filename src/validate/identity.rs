//! Who the register belongs to, and what each activity must say at the least.

use super::{ActivityContext, Context, Rule, Severity};
use crate::law::adequacy::is_third_country;
use crate::model::{ActivityRole, RiskCriterion};

/// Fires when the organisation has no contact (address, email, phone or web), or a joint
/// controller named in an activity has none. Art 30(1)(a) puts the name and contact details of
/// the controller and of each joint controller at the head of the record. A class of joint
/// controllers ("the providers you applied to") that does not say where its list is kept is a
/// warning: the record names the class, and the members' details exist elsewhere.
pub const MISSING_CONTROLLER_CONTACT: Rule = Rule {
    id: "missing-controller-contact",
    severity: Severity::Error,
    citation: "Art 30(1)(a)",
    summary: "The organisation, or a joint controller, has no contact details (warning for a class of controllers without its list).",
};

/// Fires when no DPO is recorded although one is mandatory: the organisation is a public
/// authority (Art 37(1)(a)), or an activity processes special category or criminal offence data,
/// or monitors people systematically, on a large scale (Art 37(1)(b)-(c)).
pub const MISSING_DPO: Rule = Rule {
    id: "missing-dpo",
    severity: Severity::Error,
    citation: "Art 37(1)",
    summary: "A DPO is mandatory (public authority, or large-scale special category, criminal or monitoring) and none is recorded.",
};

/// Fires when a DPO is recorded with no way of reaching them (text of white space or invisible
/// characters only is no way). Art 30(1)(a) puts the DPO's contact details in the record, so the
/// record as written fails it; Art 37(7) requires them to be published.
pub const DPO_WITHOUT_CONTACT: Rule = Rule {
    id: "dpo-without-contact",
    severity: Severity::Error,
    citation: "Art 30(1)(a)",
    summary: "The DPO is recorded without contact details.",
};

/// Fires when the organisation is established outside the regime's territory and records no
/// Art 27 representative. Public authorities are exempt (Art 27(2)(b)).
pub const MISSING_REPRESENTATIVE: Rule = Rule {
    id: "missing-representative",
    severity: Severity::Error,
    citation: "Art 27(1)",
    summary: "A controller established outside the UK/EU has no representative.",
};

/// Fires when the register's next review date is before the reference date. Keeping the record
/// up to date is part of demonstrating compliance (Art 5(2), 24(1)).
pub const REVIEW_OVERDUE: Rule = Rule {
    id: "review-overdue",
    severity: Severity::Warning,
    citation: "Art 24(1)",
    summary: "The register's next review date has passed.",
};

/// Fires when an activity in which the organisation is a joint controller names no other joint
/// controller (an error: Art 30(1)(a) puts them in the record, and the finding cites it), or
/// records no Art 26 arrangement (a warning: the arrangement must exist, the register need not
/// hold it).
pub const JOINT_CONTROLLER_WITHOUT_ARRANGEMENT: Rule = Rule {
    id: "joint-controller-without-arrangement",
    severity: Severity::Error,
    citation: "Art 26(1)",
    summary: "A joint controllership naming no other controller (error, Art 30(1)(a)) or without the Art 26 arrangement (warning).",
};

/// Fires when an activity carried out as processor does not name each controller it acts for
/// with their contact details and the categories of processing carried out for each (Art 30(2)(a)-(b)).
pub const PROCESSOR_RECORD_INCOMPLETE: Rule = Rule {
    id: "processor-record-incomplete",
    severity: Severity::Error,
    citation: "Art 30(2)",
    summary: "A processor's record lacks a controller, its contact details or the categories of processing.",
};

/// Fires when a controller's activity states no purpose (Art 30(1)(b)).
pub const ACTIVITY_WITHOUT_PURPOSE: Rule = Rule {
    id: "activity-without-purpose",
    severity: Severity::Error,
    citation: "Art 30(1)(b)",
    summary: "A controller's activity has no purpose.",
};

/// Fires when a controller's activity states no category of data subjects (Art 30(1)(c)).
pub const ACTIVITY_WITHOUT_DATA_SUBJECTS: Rule = Rule {
    id: "activity-without-data-subjects",
    severity: Severity::Error,
    citation: "Art 30(1)(c)",
    summary: "A controller's activity has no categories of data subjects.",
};

/// Fires when a controller's activity states no category of personal data (Art 30(1)(c)).
pub const ACTIVITY_WITHOUT_DATA_CATEGORIES: Rule = Rule {
    id: "activity-without-data-categories",
    severity: Severity::Error,
    citation: "Art 30(1)(c)",
    summary: "A controller's activity has no categories of personal data.",
};

pub(super) fn check_register(ctx: &mut Context<'_>) {
    let register = ctx.register;
    let organisation = ctx.index.party(&register.organisation);
    let position = ctx.index.party_position(&register.organisation);
    if let (Some(party), Some(position)) = (organisation, position)
        && !party.is_reachable()
    {
        ctx.report(
                &MISSING_CONTROLLER_CONTACT,
                format!("/parties/{position}"),
                format!("{} has no contact details; add an address, email, phone or web address to its contacts.", crate::model::text::mention(&party.name, party.id.as_str())),
            );
    }

    match &register.dpo {
        None => {
            let large_scale = register.activities.iter().find(|a| {
                a.large_scale == Some(true)
                    && (a.has_special_category_data()
                        || a.has_criminal_offence_data()
                        || a.risk_criteria
                            .contains(&RiskCriterion::SystematicMonitoring))
            });
            let reason = if ctx.public_authority {
                Some("the organisation is a public authority (Art 37(1)(a))".to_owned())
            } else {
                large_scale.map(|a| format!("activity '{}' processes special category, criminal offence or monitoring data on a large scale (Art 37(1)(b)-(c))", crate::model::text::mention(&a.name, a.id.as_str())))
            };
            if let Some(reason) = reason {
                ctx.report(&MISSING_DPO, String::new(), format!("No DPO is recorded, but one is mandatory: {reason}. Record the DPO and their contact details."));
            }
        }
        Some(dpo) => {
            let external = dpo
                .party
                .as_ref()
                .and_then(|id| ctx.index.party(id))
                .is_some_and(|p| p.is_reachable());
            if !external && !dpo.contacts.iter().any(|c| c.is_reachable()) {
                ctx.report(
                    &DPO_WITHOUT_CONTACT,
                    "/dpo".to_owned(),
                    "The DPO has no contact details; record an email, phone, address or web form."
                        .to_owned(),
                );
            }
        }
    }

    if let Some(country) = organisation.and_then(|p| p.country)
        && register.representative.is_none()
        && !ctx.public_authority
        && is_third_country(ctx.regime, country)
    {
        ctx.report(
                &MISSING_REPRESENTATIVE,
                String::new(),
                format!("The organisation is established in {country}, outside the {} territory, and records no Art 27 representative.", ctx.regime.label()),
            );
    }

    if let Some(next) = register.next_review
        && next < ctx.as_of
    {
        ctx.report(
            &REVIEW_OVERDUE,
            "/next_review".to_owned(),
            format!("The register was due for review on {next}; review it and set a new date."),
        );
    }
    review_by_policy(ctx);
}

/// `review-overdue` by the organisation's own review interval (its policy), where the register
/// records when it was last reviewed but no next review date.
fn review_by_policy(ctx: &mut Context<'_>) {
    let register = ctx.register;
    let interval = ctx.policy.and_then(|p| p.review_interval.as_ref());
    if let (None, Some(last), Some(interval)) =
        (register.next_review, register.last_reviewed, interval)
        && let Some(due) = interval.after(last)
        && due < ctx.as_of
    {
        ctx.report(
            &REVIEW_OVERDUE,
            "/last_reviewed".to_owned(),
            format!("The register was last reviewed on {last}; the organisation's policy reviews it every {interval}, so it was due on {due}. Review it and record the date."),
        );
    }
}

/// The message for a controller with no contact details: a class of controllers needs the
/// place where their list, with each one's details, is kept.
fn unreachable(party: &crate::model::Party, role: &str) -> String {
    if party.class {
        format!(
            "{role} '{}' is a class of organisations and the register does not say where their list is kept; set list.",
            crate::model::text::mention(&party.name, party.id.as_str())
        )
    } else {
        format!(
            "{role} {} has no contact details.",
            crate::model::text::mention(&party.name, party.id.as_str())
        )
    }
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    // A role taken on by a later change of role is checked as the role at collection is.
    if activity.plays(ActivityRole::JointController) {
        joint_controllership(ctx, a);
    }
    if activity.plays(ActivityRole::Processor) {
        processor_record(ctx, a);
    }
    if a.is_controller() {
        if activity.purposes.is_empty() {
            ctx.report(
                &ACTIVITY_WITHOUT_PURPOSE,
                a.path.clone(),
                format!(
                    "'{}' states no purpose; add what the data is processed for.",
                    a.name()
                ),
            );
        }
        if activity.data_subjects.is_empty() {
            ctx.report(
                &ACTIVITY_WITHOUT_DATA_SUBJECTS,
                a.path.clone(),
                format!("'{}' states no category of data subjects.", a.name()),
            );
        }
        if activity.data_categories.is_empty() {
            ctx.report(
                &ACTIVITY_WITHOUT_DATA_CATEGORIES,
                a.path.clone(),
                format!("'{}' states no category of personal data.", a.name()),
            );
        }
    }
}

/// The other joint controllers, their contact details and the Art 26 arrangement.
fn joint_controllership(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if activity.joint_controllers.is_empty() {
        ctx.report_cited(&JOINT_CONTROLLER_WITHOUT_ARRANGEMENT, Severity::Error, "Art 30(1)(a)", a.path.clone(), format!("'{}' is a joint controllership but names no other joint controller; add them to the joint controllers field.", a.name()));
    }
    if activity.joint_arrangement.is_none() {
        ctx.report_as(&JOINT_CONTROLLER_WITHOUT_ARRANGEMENT, Severity::Warning, a.path.clone(), format!("'{}' is a joint controllership with no Art 26 arrangement recorded; reference it in the joint arrangement field.", a.name()));
    }
    for (i, id) in activity.joint_controllers.iter().enumerate() {
        if let Some(party) = ctx.index.party(id)
            && !party.is_reachable()
        {
            // A class ("the providers you applied to") is named by what it is; each member's
            // details are known to the organisation though the record does not say where, so
            // the list's place is an evidence gap, not a record without its controller.
            let severity = if party.class {
                Severity::Warning
            } else {
                MISSING_CONTROLLER_CONTACT.severity
            };
            ctx.report_as(
                &MISSING_CONTROLLER_CONTACT,
                severity,
                format!("{}/joint_controllers/{i}", a.path),
                unreachable(party, "Joint controller"),
            );
        }
    }
}

/// The record a processor keeps (Art 30(2)): each controller, reachable, and what is done for it.
fn processor_record(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if activity.on_behalf_of.is_empty() {
        ctx.report(&PROCESSOR_RECORD_INCOMPLETE, a.path.clone(), format!("'{}' is carried out as processor but names no controller; add each controller, with the categories of processing carried out for it, to the on-behalf-of field.", a.name()));
    }
    for (i, entry) in activity.on_behalf_of.iter().enumerate() {
        let path = format!("{}/on_behalf_of/{i}", a.path);
        let name = ctx.party_name(&entry.controller);
        if entry.processing.is_empty() {
            ctx.report(&PROCESSOR_RECORD_INCOMPLETE, path.clone(), format!("The categories of processing carried out for {name} are not stated (Art 30(2)(b))."));
        }
        if let Some(party) = ctx.index.party(&entry.controller)
            && !party.is_reachable()
        {
            ctx.report(
                &PROCESSOR_RECORD_INCOMPLETE,
                path.clone(),
                format!(
                    "{} (Art 30(2)(a)).",
                    unreachable(party, "Controller").trim_end_matches('.')
                ),
            );
        }
        controller_representative(ctx, entry, &path);
    }
}

/// The Art 27 representative of a controller established outside the regime's territory: named
/// in the processor's record where the controller has one (Art 30(2)(a)), with contact details.
/// Whether it must have one turns on facts the record does not hold (Art 3(2), Art 27(2)), so its
/// absence is a warning; a representative named without contact details is an error.
fn controller_representative(ctx: &mut Context<'_>, entry: &crate::model::OnBehalfOf, path: &str) {
    if let Some(id) = &entry.representative {
        if let Some(representative) = ctx.index.party(id)
            && !representative.is_reachable()
        {
            ctx.report(
                &PROCESSOR_RECORD_INCOMPLETE,
                format!("{path}/representative"),
                format!(
                    "{} (Art 30(2)(a)).",
                    unreachable(representative, "The controller's representative")
                        .trim_end_matches('.')
                ),
            );
        }
        return;
    }
    let Some(controller) = ctx.index.party(&entry.controller) else {
        return;
    };
    if let Some(country) = controller.country
        && is_third_country(ctx.regime, country)
        && controller.kind != Some(crate::model::PartyKind::PublicAuthority)
    {
        ctx.report_as(&PROCESSOR_RECORD_INCOMPLETE, Severity::Warning, path.to_owned(), format!("Controller {} is established in {country}, outside the {} territory, and no Art 27 representative of it is recorded; where it has one, the processor's record names it (Art 30(2)(a)). Set representative.", crate::model::text::mention(&controller.name, controller.id.as_str()), ctx.regime.label()));
    }
}
