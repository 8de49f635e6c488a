//! The ids of the form's elements (`field-opening`, `slot-title-1`, `preview`) are the page's
//! own. 模板制作's module shows the same components in its 预览（以起草人身份）, over the page's
//! form: there they get a prefix, so that no id is on the page twice (a `<label for>` or an
//! `aria-describedby` would name the page's box behind the dialog). That module uses the form's
//! components only in its 预览, so the prefix is the module's, fixed when it is built: the app
//! pays nothing for it (a yew context cost the app 0.7 KB).
#[cfg(not(feature = "workshop-page"))]
pub const ID_SCOPE: &str = "";
#[cfg(feature = "workshop-page")]
pub const ID_SCOPE: &str = "try-";
