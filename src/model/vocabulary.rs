//! The macro behind every closed vocabulary: one place that gives serde and strum the same
//! spelling (snake_case) and lists every variant in `ALL`, so that a test can compare the two
//! spellings over all variants.

/// Declares a closed vocabulary: a unit enum spelled the same by serde and strum, `#[non_exhaustive]`,
/// with an `ALL` constant listing every variant in declaration order.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
            strum::Display, strum::EnumString, strum::IntoStaticStr, strum::AsRefStr,
        )]
        #[cfg_attr(test, derive(arbitrary::Arbitrary))]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),+ ];

            /// The spelling used in JSON and by `Display`/`FromStr`.
            pub fn as_str(self) -> &'static str {
                self.into()
            }
        }
    };
}

pub(crate) use vocabulary;
