// Moved to shared/repository/uiState.ts (all SQL lives in shared/repository); kept so callers need not change.
export { UI_STATE_MAX_CHARS, isWriting, loadUiState, saveUiState, uiStateSlots } from '../../shared/repository/uiState';
