//! Retention as spreadsheets say it: "6 years after last contact", "2 years from account
//! inactivity then anonymised", "Until closure of the case + 1 year", "until April 2024",
//! "Indefinitely, reviewed annually".

use chrono::NaiveDate;

use super::{fold, has_word, number};
use crate::model::{
    DisposalAction, IsoDuration, PartialDate, PeriodBound, RetentionPeriod, RetentionTrigger,
};

/// A retention period read from a value, with what happens to the data at its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Retention {
    pub period: RetentionPeriod,
    pub disposal: Vec<DisposalAction>,
}

/// The retention a value states, or `None` where it states no period, date or indefinite
/// keeping that can be read without guessing.
pub(crate) fn retention(value: &str) -> Option<Retention> {
    let text = fold(value);
    let disposal = disposal(&text);
    let period = indefinite(&text)
        .or_else(|| duration_with_trigger(&text).map(|p| with_quoted_event(p, value)))
        .or_else(|| until(&text).map(|p| with_quoted_event(p, value)))?;
    Some(Retention { period, disposal })
}

/// Kept indefinitely or permanently, with its review interval where one is stated.
fn indefinite(text: &str) -> Option<RetentionPeriod> {
    let kept = ["indefinite", "permanent", "forever", "in perpetuity"]
        .iter()
        .any(|w| text.contains(w));
    if !kept {
        return None;
    }
    let review = if text.contains("annual") || text.contains("every year") {
        Some(IsoDuration::years(1))
    } else {
        text.find("every ")
            .and_then(|at| duration(&text[at + "every ".len()..]).map(|(d, _)| d))
    };
    Some(RetentionPeriod::indefinite(review))
}

/// "6 years after last contact", "2 years from collection", "up to 2 years", "within 30 days",
/// "Until closure of the case + 1 year".
fn duration_with_trigger(text: &str) -> Option<RetentionPeriod> {
    let (start, (period, rest)) = text
        .char_indices()
        .filter(|(i, _)| *i == 0 || text[..*i].ends_with([' ', '+', '(']))
        .find_map(|(i, _)| duration(&text[i..]).map(|found| (i, found)))?;
    let before = &text[..start];
    // The event may come after the period ("after last contact") or before it ("until closure
    // of the case + 1 year").
    let event = rest
        .trim_start()
        .strip_prefix("after ")
        .or_else(|| rest.trim_start().strip_prefix("from "))
        .or_else(|| rest.trim_start().strip_prefix("following "))
        .or_else(|| rest.trim_start().strip_prefix("since "))
        .map(str::to_owned)
        .or_else(|| before.contains('+').then(|| before.replace("until", "")));
    let mut retention = match event.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        Some(event) => {
            let event = event.split(" then ").next().unwrap_or(event);
            // An event in quotes is described, not classed: `after "the grant is paid"`.
            let quoted = event.trim().trim_end_matches([',', '.']);
            let quoted = quoted.strip_prefix('"').and_then(|e| e.strip_suffix('"'));
            let trigger = if quoted.is_some() {
                RetentionTrigger::Other
            } else {
                trigger(event)
            };
            let event = quoted.unwrap_or(event);
            let mut retention = RetentionPeriod::after(period, trigger);
            if trigger == RetentionTrigger::Other {
                retention.trigger_description =
                    Some(event.trim_matches([',', '.', ' ']).to_owned());
            }
            retention
        }
        None => RetentionPeriod {
            period: Some(period),
            ..RetentionPeriod::default()
        },
    };
    if has_word(before, "within") {
        retention.bound = Some(PeriodBound::Within);
    } else if before.contains("up to") {
        retention.bound = Some(PeriodBound::For);
    }
    Some(retention)
}

/// An event given in quotes keeps the cell's own case ("uploaded to YouTube"): the recogniser
/// reads folded text.
fn with_quoted_event(mut period: RetentionPeriod, value: &str) -> RetentionPeriod {
    let quoted = value
        .split_once('"')
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(inside, _)| inside.trim());
    if let (Some(RetentionTrigger::Other), Some(inside)) = (period.trigger, quoted) {
        period.trigger_description = Some(inside.to_owned());
    }
    period
}

/// A duration at the start of `text` ("6 years", "one month", "28 days", "2 yrs"), and the text
/// after it.
fn duration(text: &str) -> Option<(IsoDuration, &str)> {
    let mut words = text.splitn(3, ' ');
    let n = number(words.next()?)?;
    let unit = words.next()?;
    let rest = words.next().unwrap_or("");
    let unit = unit.trim_end_matches([',', '.', ')', ';']);
    let period = match unit {
        "year" | "years" | "yr" | "yrs" | "y" => IsoDuration::years(n),
        "month" | "months" | "mth" | "mths" => IsoDuration::months(n),
        "week" | "weeks" | "wk" | "wks" => IsoDuration::weeks(n),
        "day" | "days" => IsoDuration::days(n),
        _ => return None,
    };
    Some((period, rest))
}

/// The event a period runs from, by the words used for it.
fn trigger(event: &str) -> RetentionTrigger {
    use RetentionTrigger as T;
    let table: [(&[&str], T); 12] = [
        (&["last contact", "last contacted"], T::LastContact),
        (&["inactiv", "last activity", "last log"], T::LastActivity),
        (
            &[
                "account clos",
                "closure of the account",
                "account is closed",
            ],
            T::AccountClosure,
        ),
        (
            &[
                "case clos",
                "closure of the case",
                "case is closed",
                "case closed",
            ],
            T::CaseClosure,
        ),
        (&["respon", "enquiry", "query"], T::EnquiryResponse),
        (&["withdraw", "unsubscribe"], T::ConsentWithdrawal),
        (
            &[
                "erasure request",
                "request for erasure",
                "asks us to delete",
            ],
            T::ErasureRequest,
        ),
        (&["objection", "object"], T::Objection),
        (&["record"], T::Recording),
        (
            &[
                "leav",
                "left",
                "end of employment",
                "end of the relationship",
                "end of contract",
                "end of the contract",
                "end of tenancy",
                "end of the tenancy",
            ],
            T::EndOfRelationship,
        ),
        (
            &[
                "end of the project",
                "end of the programme",
                "end of the activity",
                "project end",
            ],
            T::EndOfActivity,
        ),
        (
            &["collect", "creat", "receiv", "submission", "submitted"],
            T::Collection,
        ),
    ];
    table
        .iter()
        .find(|(words, _)| words.iter().any(|w| event.contains(w)))
        .map_or(T::Other, |(_, trigger)| *trigger)
}

/// "until April 2024", "until 31/03/2025", "until 2025-03-31"; or until an event with no period
/// after it ("until you unsubscribe", `until "the project ends"`).
fn until(text: &str) -> Option<RetentionPeriod> {
    let at = text.find("until ")?;
    let rest = text[at + "until ".len()..].trim();
    if let Some(date) = date(rest) {
        // "Until 2024-04-30 (the end of the activity)": the event the date stands for.
        let mut period = RetentionPeriod::until(date);
        let event = rest
            .split_once('(')
            .and_then(|(_, e)| e.split_once(')'))
            .map(|(e, _)| e);
        if let Some(event) = event.map(trigger).filter(|t| *t != RetentionTrigger::Other) {
            period.trigger = Some(event);
        }
        return Some(period);
    }
    let event = rest
        .split(" then ")
        .next()
        .unwrap_or(rest)
        .trim_end_matches([',', '.']);
    let quoted = event.strip_prefix('"').and_then(|e| e.strip_suffix('"'));
    let trigger = if quoted.is_some() {
        RetentionTrigger::Other
    } else {
        trigger(event)
    };
    if trigger == RetentionTrigger::Other && quoted.is_none() {
        return None;
    }
    Some(RetentionPeriod {
        trigger: Some(trigger),
        trigger_description: quoted.map(str::to_owned),
        ..RetentionPeriod::default()
    })
}

/// A date as spreadsheets write it, to the last day it names: "2025-03-31", "31/03/2025" (day
/// first, as in the UK), "April 2024" (the month's last day), "2024".
pub(crate) fn date(text: &str) -> Option<NaiveDate> {
    let word = text.split([' ', ',', ';']).next()?;
    if let Ok(date) = NaiveDate::parse_from_str(word, "%Y-%m-%d") {
        return Some(date);
    }
    if let Ok(date) = NaiveDate::parse_from_str(word, "%d/%m/%Y") {
        return Some(date);
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut words = text.split_whitespace();
    let first = words.next()?.to_lowercase();
    let month = MONTHS.iter().position(|m| first.starts_with(m));
    let year_word = if month.is_some() {
        words.next()?
    } else {
        first.as_str()
    };
    let year: i32 = year_word.trim_matches([',', '.', ')']).parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let partial: PartialDate = match month {
        Some(m) => format!("{year:04}-{:02}", m + 1).parse().ok()?,
        None => format!("{year:04}").parse().ok()?,
    };
    Some(partial.last_day())
}

/// What happens to the data at the end, by the words used for it.
fn disposal(text: &str) -> Vec<DisposalAction> {
    use DisposalAction as D;
    let table: [(&[&str], D); 6] = [
        (&["anonymis", "anonymiz"], D::Anonymise),
        (&["destroy", "shred"], D::Destroy),
        (&["delet", "erase"], D::Delete),
        (&["archiv"], D::Archive),
        (&["inaccessible"], D::MakeInaccessible),
        (
            &["returned to the controller", "return to the controller"],
            D::ReturnToController,
        ),
    ];
    table
        .iter()
        .filter(|(words, _)| words.iter().any(|w| text.contains(w)))
        .map(|(_, action)| *action)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(period: IsoDuration, trigger: RetentionTrigger) -> RetentionPeriod {
        RetentionPeriod::after(period, trigger)
    }

    #[test]
    fn periods_after_events() {
        use RetentionTrigger as T;
        for (cell, period) in [
            (
                "6 years after last contact",
                after(IsoDuration::years(6), T::LastContact),
            ),
            (
                "Six years from the end of employment",
                after(IsoDuration::years(6), T::EndOfRelationship),
            ),
            (
                "1 month after we have responded",
                after(IsoDuration::months(1), T::EnquiryResponse),
            ),
            (
                "Until closure of the case + 1 year",
                after(IsoDuration::years(1), T::CaseClosure),
            ),
            (
                "28 days from recording",
                after(IsoDuration::days(28), T::Recording),
            ),
        ] {
            assert_eq!(retention(cell).map(|r| r.period), Some(period), "{cell}");
        }
    }

    #[test]
    fn an_event_without_words_of_its_own_is_described() {
        let r = retention("3 years after the grant is paid").unwrap();
        assert_eq!(r.period.trigger, Some(RetentionTrigger::Other));
        assert_eq!(
            r.period.trigger_description.as_deref(),
            Some("the grant is paid")
        );
    }

    #[test]
    fn until_a_date_standing_for_an_event() {
        let r = retention("Until 2024-04-30 (the end of the activity)").unwrap();
        assert_eq!(r.period.until, NaiveDate::from_ymd_opt(2024, 4, 30));
        assert_eq!(r.period.trigger, Some(RetentionTrigger::EndOfActivity));
    }

    #[test]
    fn until_an_event() {
        let r = retention("Until you unsubscribe").unwrap();
        assert_eq!(
            (r.period.trigger, r.period.period),
            (Some(RetentionTrigger::ConsentWithdrawal), None)
        );
        let r = retention("Until \"the project ends\"").unwrap();
        assert_eq!(
            r.period.trigger_description.as_deref(),
            Some("the project ends")
        );
    }

    #[test]
    fn an_event_in_quotes_is_described_not_classed() {
        let r = retention("0 days after \"the recording is on YouTube\", then delete").unwrap();
        assert_eq!(r.period.trigger, Some(RetentionTrigger::Other));
        assert_eq!(
            r.period.trigger_description.as_deref(),
            Some("the recording is on YouTube")
        );
        assert_eq!(r.disposal, [DisposalAction::Delete]);
    }

    #[test]
    fn disposal_follows_the_period() {
        let r = retention("2 years from account inactivity then anonymised").unwrap();
        assert_eq!(
            r.period,
            after(IsoDuration::years(2), RetentionTrigger::LastActivity)
        );
        assert_eq!(r.disposal, [DisposalAction::Anonymise]);
        let r = retention("5 years, then securely destroyed").unwrap();
        assert_eq!(r.period.period, Some(IsoDuration::years(5)));
        assert_eq!(r.period.trigger, None);
        assert_eq!(r.disposal, [DisposalAction::Destroy]);
    }

    #[test]
    fn bounds_dates_and_indefinite_keeping() {
        let r = retention("Up to 2 years").unwrap();
        assert_eq!(r.period.bound, Some(PeriodBound::For));
        let r = retention("Deleted within 30 days").unwrap();
        assert_eq!(r.period.bound, Some(PeriodBound::Within));
        assert_eq!(r.disposal, [DisposalAction::Delete]);
        assert_eq!(
            retention("until April 2024").unwrap().period,
            RetentionPeriod::until(NaiveDate::from_ymd_opt(2024, 4, 30).unwrap())
        );
        assert_eq!(
            retention("Until 31/03/2025").unwrap().period,
            RetentionPeriod::until(NaiveDate::from_ymd_opt(2025, 3, 31).unwrap())
        );
        assert_eq!(
            retention("Indefinitely, reviewed annually").unwrap().period,
            RetentionPeriod::indefinite(Some(IsoDuration::years(1)))
        );
        assert_eq!(
            retention("Permanent").unwrap().period,
            RetentionPeriod::indefinite(None)
        );
    }

    #[test]
    fn what_is_not_a_period_is_not_read_as_one() {
        for cell in [
            "As per retention schedule",
            "Varies",
            "Statutory period",
            "Year 7 pupils",
        ] {
            assert_eq!(retention(cell), None, "{cell}");
        }
    }
}
