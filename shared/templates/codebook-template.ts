/** A codebook template: a tree of codes by name, turned into project codes at creation. */
export interface TemplateCode {
  name: string;
  color: string;
  definition?: string;
  whenToUse?: string;
  whenNotToUse?: string;
  example?: string;
  /** A grouping folder, not applied to text itself. */
  folder?: boolean;
  children?: TemplateCode[];
}

export interface CodebookTemplate {
  id: string;
  title: string;
  codes: TemplateCode[];
}
