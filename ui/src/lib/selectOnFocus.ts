// A date or a time is replaced more often than edited: focusing its field, by a click or by Tab,
// selects what it holds, so typing replaces it (clicking into a field showing today's date and
// typing `27/04/2018` used to append to it). A click in the field once focused places the caret
// as usual.

export function selectOnFocus(el: HTMLInputElement) {
  let justFocused = false;
  const focus = () => {
    el.select();
    justFocused = true;
  };
  // The click that focused the field would put the caret where it landed, dropping the selection.
  const mouseup = (e: MouseEvent) => {
    if (justFocused) e.preventDefault();
    justFocused = false;
  };
  const settle = () => (justFocused = false);
  el.addEventListener('focus', focus);
  el.addEventListener('mouseup', mouseup);
  el.addEventListener('keydown', settle);
  el.addEventListener('blur', settle);
  return {
    destroy() {
      el.removeEventListener('focus', focus);
      el.removeEventListener('mouseup', mouseup);
      el.removeEventListener('keydown', settle);
      el.removeEventListener('blur', settle);
    },
  };
}
