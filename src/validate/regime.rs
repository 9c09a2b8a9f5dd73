//! Which law applies: the regime a register names, against where its organisation is established.

use super::{Context, Rule, Severity};
use chrono::NaiveDate;

use crate::law::digital_consent_age;
use crate::model::{CountryCode, Regime, Register};

/// Fires when an organisation established in the United Kingdom keeps its register under the EU
/// GDPR on a date from 1 January 2021: from then its processing is under the UK GDPR and the
/// DPA 2018, whatever an older notice says. The EU GDPR may apply to it as well (Art 3(2)) for
/// goods or services offered to people in the EU or for monitoring them there, so this is a
/// warning: a UK register is needed, and an EU one may be needed beside it. Not where the register
/// records an EU or EEA member state of establishment (`member_state`): that establishment's
/// processing is under the EU GDPR. Where it fires, the other rules judge and cite the UK GDPR.
pub const EU_REGIME_FOR_UK_ORGANISATION: Rule = Rule {
    id: "eu-regime-for-uk-organisation",
    severity: Severity::Warning,
    citation: "UK GDPR Art 3; European Union (Withdrawal) Act 2018 s3",
    summary: "An organisation established in the UK keeps its register under the EU GDPR from 1 Jan 2021.",
};

/// Fires, as information, when a register under the EU GDPR has an information society service
/// but its organisation's country is not recorded (or is not an EU/EEA state): the age of digital
/// consent depends on the member state (13 to 16), so the rules assumed the GDPR's own 16 and
/// say so.
pub const CHILD_CONSENT_AGE_ASSUMED: Rule = Rule {
    id: "child-consent-age-assumed",
    severity: Severity::Info,
    citation: "Art 8(1)",
    summary: "The Art 8 age of digital consent was assumed (16): the organisation's member state is not recorded.",
};

pub(super) fn check_register(ctx: &mut Context<'_>) {
    let register = ctx.register;
    let position = || {
        register
            .parties
            .iter()
            .position(|p| p.id == register.organisation)
            .map(|i| format!("/parties/{i}"))
            .unwrap_or_else(|| "/organisation".to_owned())
    };
    // The rules follow the same test (`applicable_regime`): an EU establishment recorded as the
    // member state keeps the EU GDPR for its processing.
    if ctx.stated_regime != ctx.regime {
        let path = if register.regime.is_some() {
            "/regime".to_owned()
        } else {
            String::new()
        };
        ctx.report(&EU_REGIME_FOR_UK_ORGANISATION, path, "The organisation is established in the United Kingdom: from 1 January 2021 its processing is under the UK GDPR and the DPA 2018. Set the regime field to the UK GDPR; where it also offers goods or services to people in the EU or monitors them there (Art 3(2)), keep an EU GDPR register beside it. The other findings judge the register under the UK GDPR, and cite it.".to_owned());
    }
    if ctx.regime == Regime::EuGdpr
        && register
            .activities
            .iter()
            .any(|a| a.information_society_service)
    {
        let state = register.member_state.or(ctx.organisation_country);
        let age = digital_consent_age(ctx.regime, state, ctx.as_of);
        if age.assumed {
            let why = match state {
                None => "neither the member state of establishment nor the organisation's country is recorded".to_owned(),
                Some(c) => format!("the member state recorded, {c}, is not an EU or EEA state"),
            };
            ctx.report(&CHILD_CONSENT_AGE_ASSUMED, position(), format!("The age of digital consent depends on the member state where the organisation is established (13 to 16); {why}, so {} was assumed ({}). Record the country to apply its own age.", age.age, age.entry.source));
        }
    }
}

/// Whether UK law (the DPA 2018) applies: under the UK GDPR, or where the organisation is
/// established in the UK.
pub(super) fn uk_law(regime: Regime, country: Option<CountryCode>) -> bool {
    regime == Regime::UkGdpr || country == Some(CountryCode::GB)
}

/// The regime the rules apply and cite: the one the register states (`fallback` where it states
/// none), except that an organisation established in the United Kingdom is under the UK GDPR from
/// 1 January 2021 whatever its register says (`eu-regime-for-uk-organisation` says so), so that
/// the tool never judges or cites by a law it has itself said does not apply.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use ropa::{applicable_regime, CountryCode, Party, Regime, Register};
///
/// let mut register = Register::new(Party::new("org", "Council").with_country(CountryCode::GB));
/// register.regime = Some(Regime::EuGdpr);
/// let day = |y| NaiveDate::from_ymd_opt(y, 6, 1).unwrap();
/// assert_eq!(applicable_regime(&register, Regime::UkGdpr, day(2020)), Regime::EuGdpr);
/// assert_eq!(applicable_regime(&register, Regime::UkGdpr, day(2026)), Regime::UkGdpr);
/// ```
pub fn applicable_regime(register: &Register, fallback: Regime, on: NaiveDate) -> Regime {
    let stated = register.regime.unwrap_or(fallback);
    let country = register.organisation().and_then(|p| p.country);
    if stated == Regime::EuGdpr
        && country == Some(CountryCode::GB)
        && register
            .member_state
            .is_none_or(|c| !crate::law::adequacy::is_eea(c))
        && on >= crate::law::UK_GDPR_FROM
    {
        Regime::UkGdpr
    } else {
        stated
    }
}

/// Whether UK law applies to the register, `fallback` being the regime where it states none.
pub(crate) fn uk_law_applies(register: &Register, fallback: Regime) -> bool {
    uk_law(
        register.regime.unwrap_or(fallback),
        register.organisation().and_then(|p| p.country),
    )
}
