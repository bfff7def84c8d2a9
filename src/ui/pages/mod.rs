//! One screen a file.

pub mod activities;
pub mod assess;
pub mod dashboard;
pub mod data;
pub mod learn;
pub mod my_data;
pub mod plan;
pub mod profile_form;
pub mod profiles;
pub mod settings;
pub mod supervisor;
pub mod sync;
pub mod together;
pub mod unlock;
