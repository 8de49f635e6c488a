//! How the page leads the clerk: the outline of steps, which findings are told while writing,
//! and the wording of where a finding sits.
pub mod outline;
pub mod progress;
