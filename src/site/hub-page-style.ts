/** The hub page's styles: readable on a phone, a focus ring that is not the hover style. */
export const HUB_PAGE_STYLE = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2733; background: #f5f7fa; }
  header { background: #12263f; color: #fff; padding: 16px 24px; }
  header h1 { margin: 0 0 4px; font-size: 22px; }
  header details { margin-top: 6px; color: #d6e2f3; }
  .controls { display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 24px; background: #fff; border-bottom: 1px solid #dde3ea; position: sticky; top: 0; z-index: 1; }
  .controls input, .controls select { font: inherit; padding: 6px 8px; border: 1px solid #6b7785; border-radius: 4px; }
  .controls input { flex: 1 1 260px; }
  #count { padding: 8px 24px; color: #4a5563; }
  #models { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px; padding: 0 24px; list-style: none; margin: 0; }
  #models > li { display: flex; }
  .card { flex: 1; background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: 12px; cursor: pointer; }
  .card:hover { border-color: #2f6fdd; }
  .card:focus { outline: none; }
  .card:focus-visible { outline: 3px solid #1a56c4; outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
  .card h2 { font-size: 16px; margin: 0 0 4px; overflow-wrap: anywhere; }
  .uid { font: 12px ui-monospace, monospace; color: #4a5563; overflow-wrap: anywhere; }
  .tags { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 8px; }
  .tag { font-size: 12px; background: #e8eef7; border-radius: 10px; padding: 1px 8px; }
  .badge { font-size: 12px; border-radius: 10px; padding: 1px 8px; font-weight: 600; }
  .badge.error { background: #fde8e8; color: #8a1c1c; }
  .badge.warning { background: #fff4d6; color: #6b4a00; }
  .pager { display: flex; gap: 12px; align-items: center; justify-content: center; padding: 16px 24px 32px; }
  button { font: inherit; padding: 6px 12px; border: 1px solid #6b7785; border-radius: 4px; background: #fff; cursor: pointer; }
  button:focus-visible, a:focus-visible { outline: 3px solid #1a56c4; outline-offset: 2px; }
  button[disabled] { opacity: .5; cursor: default; }
  dialog { max-width: 760px; width: 92vw; border: 1px solid #b9c3cf; border-radius: 6px; }
  dialog dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; }
  dialog dt { font-weight: 600; }
  dialog dd { margin: 0; overflow-wrap: anywhere; white-space: pre-line; }
  .snippet { display: flex; gap: 8px; align-items: center; margin: 8px 0 12px; }
  .snippet code, dd code { font: 13px ui-monospace, monospace; background: #f0f3f7; padding: 4px 6px; border-radius: 4px; overflow-wrap: anywhere; }
  .problems { margin: 8px 0; padding-left: 20px; }
  .body { border-top: 1px solid #dde3ea; margin-top: 12px; overflow-wrap: anywhere; }
  .body pre, #details-zh pre { background: #f0f3f7; padding: 8px; overflow-x: auto; font: 13px ui-monospace, monospace; }
  #details-zh { border-top: 1px solid #dde3ea; margin-top: 12px; padding-top: 8px; }
  @media (max-width: 600px) {
    header, .controls, #count { padding-left: 12px; padding-right: 12px; }
    #models { padding: 0 12px; }
    dialog dl { grid-template-columns: 1fr; }
  }
`;
