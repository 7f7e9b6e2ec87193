import { useState } from 'react';
import type { ProjectSnapshot } from '../../../../shared/api/contract';
import { plural } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { Pane } from '../../ui/Pane';
import { CodebookTree } from '../codebook/CodebookTree';
import { codableCount } from '../codebook/codeTree';
import { DocumentList } from '../documents/DocumentList';
import { Reader } from '../reader/Reader';
import { TopBar } from './TopBar';
import './project.css';

export interface ProjectViewProps {
  project: ProjectSnapshot;
  coderName: string | null;
  /** Bumped when the project changed on disk. */
  revision: number;
  onClose: () => Promise<void>;
}

/** The workbench: documents on the left, the reader in the middle, the codebook on the right. */
export function ProjectView({ project, coderName, revision, onClose }: ProjectViewProps) {
  const [chosenId, setChosenId] = useState<string | null>(null);
  const { documents } = project;
  // The first document opens by itself; a chosen one that disappeared falls back to it.
  const openDoc = documents.find((d) => d.id === chosenId) ?? documents[0] ?? null;
  const codes = codableCount(project.codebook);

  return (
    <div className="project">
      <TopBar name={project.name} path={project.path} coderName={coderName} onClose={onClose} />
      <div className="project__panes">
        <Pane
          title="Documents"
          count={documents.length}
          countLabel={plural(documents.length, 'document')}
          className="project__documents"
        >
          <DocumentList
            documents={documents}
            attributes={project.attributes}
            openId={openDoc?.id ?? null}
            onOpen={setChosenId}
          />
        </Pane>
        <main className="project__reader">
          {openDoc ? (
            <Reader key={openDoc.id} meta={openDoc} attributes={project.attributes} revision={revision} />
          ) : (
            <div className="project__reader-empty">
              <EmptyState title="Nothing to read yet">
                Documents you import will open here, one speaker turn at a time.
              </EmptyState>
            </div>
          )}
        </main>
        <Pane title="Codebook" count={codes} countLabel={plural(codes, 'code')} className="project__codebook">
          <CodebookTree codes={project.codebook} counts={project.codingCounts} />
        </Pane>
      </div>
    </div>
  );
}
