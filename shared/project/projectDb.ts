/** The project file's database lives in shared/repository/project; re-exported for existing callers. */
export * from '../repository/project/projectDb';
