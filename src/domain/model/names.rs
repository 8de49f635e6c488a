//! Reading a name from a fixed list (`"report"` → `Genre::Report`). serde's derived reader of
//! a plain enum is over a kilobyte of page code each; this one reads a string with the code
//! every string uses and looks it up. The names are the ones serde writes (`rename_all =
//! "snake_case"`); each type's test reads back what it writes.
use serde::de::{Deserialize, Deserializer, Error};

pub fn by_name<'de, D: Deserializer<'de>, T: Copy>(d: D, names: &[(&str, T)]) -> Result<T, D::Error> {
    let name = String::deserialize(d)?;
    match names.iter().find(|(n, _)| *n == name) {
        Some(&(_, value)) => Ok(value),
        None => Err(D::Error::custom(format!("“{name}”不是可用的取值"))),
    }
}

/// `impl Deserialize` for a plain enum from its names.
macro_rules! deserialize_by_name {
    ($t:ty, $($name:literal => $v:expr),+ $(,)?) => {
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                crate::domain::model::names::by_name(d, &[$(($name, $v)),+])
            }
        }
    };
}
pub(crate) use deserialize_by_name;
