//! `Shared<T>`: an `Rc` whose equality is identity, for props that hold the whole draft or
//! findings. The store replaces them on every edit, so "same pointer" means "unchanged" and
//! comparing props stays cheap however long the report grows.
use std::ops::Deref;
use std::rc::Rc;

#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

/// `value` as a `Shared` that keeps the pointer of the last render's while the value is equal:
/// a component given it re-renders only when what it shows changed (an edit elsewhere in the
/// report recomputes the value, but equal is equal). Comparing costs one pass over the value.
#[yew::hook]
pub fn use_stable<T: PartialEq + 'static>(value: T) -> Shared<T> {
    let kept = yew::use_mut_ref(|| None::<Rc<T>>);
    let mut kept = kept.borrow_mut();
    match &*kept {
        Some(rc) if **rc == value => Shared(rc.clone()),
        _ => {
            let rc = Rc::new(value);
            *kept = Some(rc.clone());
            Shared(rc)
        }
    }
}
