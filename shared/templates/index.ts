import type { TemplateId } from '../api/contract';
import type { Code } from '../domain/schemas';
import type { CodebookTemplate, TemplateCode } from './codebook-template';
import { thriveLdnTemplate } from './thrive-ldn';

const emptyTemplate: CodebookTemplate = { id: 'empty', title: 'Empty codebook', codes: [] };

export const codebookTemplates: Record<TemplateId, CodebookTemplate> = {
  'thrive-ldn': thriveLdnTemplate,
  empty: emptyTemplate,
};

/** Turns a template into project codes: parents before children, siblings in template order. */
export function codebookFromTemplate(template: CodebookTemplate, newId: () => string): Code[] {
  const codes: Code[] = [];
  const visit = (node: TemplateCode, parentId: string | null) => {
    const id = newId();
    codes.push({
      id,
      name: node.name,
      color: node.color,
      parentId,
      codable: !node.folder,
      description: {
        definition: node.definition ?? '',
        whenToUse: node.whenToUse ?? '',
        whenNotToUse: node.whenNotToUse ?? '',
        example: node.example ?? '',
      },
      rank: codes.length,
    });
    for (const child of node.children ?? []) visit(child, id);
  };
  for (const node of template.codes) visit(node, null);
  return codes;
}
