//! 资源 (the resource directory): the four tables with filters, export and Excel import (`/resources`,
//! [`list_page`]) and one provider, service, person or space, new or existing (`/resources/{providers,
//! services,people,spaces}/new` and `/…/:id`, [`detail_pages`]), with their forms, API calls and labels.

pub mod bits;
pub mod detail_pages;
pub mod endpoints;
pub mod facts;
pub mod filters;
pub mod import;
pub mod labels;
pub mod list_page;
pub mod person_form;
pub mod provider_form;
pub mod schedule;
pub mod service_form;
pub mod space_form;
pub mod tables;
