/** The schema and its migrations live in shared/repository/project; re-exported for existing callers. */
export * from '../repository/project/schema';
