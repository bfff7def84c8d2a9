//! The records Lentera keeps.

pub mod activity;
pub mod assessment;
pub mod competency;
pub mod employee;
pub mod evaluation;
pub mod nip;
pub mod pack;
pub mod plan;
pub mod progress;

use crate::domain::record::RecordData;

impl RecordData for employee::Employee {}
