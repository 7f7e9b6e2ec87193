/**
 * A hand-made REFI-QDA project (a bare project.qde, which the importer accepts as a .qdpx) in
 * which one user coded two overlapping passages at the same code: "the bus was late" (4–21) and
 * "late again today" (17–33).
 */
export const overlappingQde = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Overlaps" origin="Hand-made test">
  <Users><User guid="11111111-0000-0000-0000-000000000001" name="Ada"/></Users>
  <CodeBook><Codes><Code guid="22222222-0000-0000-0000-000000000001" name="Transport" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="33333333-0000-0000-0000-000000000001" name="Commute">
      <PlainTextContent>Yes the bus was late again today, as usual.</PlainTextContent>
      <PlainTextSelection guid="44444444-0000-0000-0000-000000000001" startPosition="4" endPosition="21" creatingUser="11111111-0000-0000-0000-000000000001">
        <Coding guid="55555555-0000-0000-0000-000000000001" creatingUser="11111111-0000-0000-0000-000000000001"><CodeRef targetGUID="22222222-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="44444444-0000-0000-0000-000000000002" startPosition="17" endPosition="33" creatingUser="11111111-0000-0000-0000-000000000001">
        <Coding guid="55555555-0000-0000-0000-000000000002" creatingUser="11111111-0000-0000-0000-000000000001"><CodeRef targetGUID="22222222-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
