//! What the resident bundle's entry (`src/bin/resident.rs`) mounts: sign-in, the resident's phone
//! pages, the public pages, their shells and the pieces a root needs. The entry holds the routes
//! because their split points ([`crate::lazy_pages`]) must be in it alone (see `src/lazy_page.rs`).

pub use crate::common::bundle::{ElsewhereOrNotFound, provide_app_context};
pub use crate::common::login_page::LoginPage;
pub use crate::common::route_titles::DocumentTitle;
pub use crate::common::session::SessionGuard;
pub use crate::lazy_page::PageFetchBar;
pub use crate::mobile::community_page::CommunityPage;
pub use crate::mobile::me_page::ResidentMePage;
pub use crate::mobile::nearby_page::NearbyPage;
pub use crate::mobile::points_page::ResidentPointsPage;
pub use crate::mobile::resident_pages::{ResidentNeedPage, ResidentNeedsPage, ResidentSubmitPage};
pub use crate::mobile::shell::MobileShell;
pub use crate::mobile::shop_pages::{ResidentOrdersPage, ResidentShopPage};
pub use crate::mobile::sign_in_page::ResidentSignInPage;
pub use crate::mobile::survey_pages::{ResidentSurveyPage, ResidentSurveysPage};
pub use crate::mobile::topic_pages::{ResidentTopicNewPage, ResidentTopicPage, ResidentTopicsPage};
pub use crate::notifications::pages::ResidentNotificationsPage;
pub use crate::public::nearby_page::PublicNearbyPage;
pub use crate::public::programs_pages::{PublicProgramPage, PublicProgramsPage, PublicShell};
pub use crate::public::topics_pages::{PublicTopicPage, PublicTopicsPage};
