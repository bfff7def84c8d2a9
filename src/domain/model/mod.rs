//! The records Lentera keeps.

pub mod activity;
pub mod assessment;
pub mod competency;
pub mod employee;
pub mod evaluation;
pub mod ident;
pub mod lock;
pub mod nip;
pub mod pack;
pub mod plan;
pub mod progress;
pub mod session;

use crate::domain::record::{Id, Owned, RecordData};

impl RecordData for employee::Employee {}

macro_rules! owned_by_employee {
    ($($t:ty),*) => {
        $(impl Owned for $t {
            fn employee(&self) -> &Id {
                &self.employee
            }
        })*
    };
}

owned_by_employee!(
    assessment::Assessment,
    progress::Progress,
    activity::Activity,
    evaluation::Rating,
    evaluation::Feedback,
    plan::PlanItem
);
