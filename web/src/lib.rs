//! The Yew application: editor, controls, views, share, embed.
