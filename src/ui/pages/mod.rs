//! One screen a file.

pub mod home;
pub mod not_found;
