import type { CodebookTemplate } from './codebook-template';

/**
 * London's six mental-health aspirations (Thrive LDN) as top-level codes, the cross-cutting
 * themes the community conversations raised, and a group for proposed solutions.
 * Colours are distinct in hue and readable behind dark text.
 */
export const thriveLdnTemplate: CodebookTemplate = {
  id: 'thrive-ldn',
  title: 'Thrive LDN: six aspirations and cross-cutting themes',
  codes: [
    {
      name: 'Communities take the lead',
      color: '#2a9d8f',
      definition:
        'Londoners and their communities shaping, leading and owning action on mental health and wellbeing.',
      whenToUse: 'Residents, groups or networks taking initiative, or calls for community ownership and power.',
      whenNotToUse: 'Services acting on communities without their involvement (code under services instead).',
      example: '"Nobody asked us, so we started the walking group ourselves."',
    },
    {
      name: 'Tackling stigma',
      color: '#e76f51',
      definition: 'Stigma and discrimination about mental health, and efforts to challenge them.',
      whenToUse: 'Shame, silence, labels, cultural taboos, or campaigns and conversations that counter them.',
      whenNotToUse: 'General reluctance to use services for practical reasons such as cost or distance.',
      example: '"In my family you just don\'t talk about it."',
    },
    {
      name: 'Children and young people',
      color: '#f4a261',
      definition: 'The mental health of children and young people, in families, schools and online.',
      whenToUse: 'Needs, experiences and support of people under 25, including transitions to adult life.',
      whenNotToUse: 'Adults talking about their own childhood without a point about young people today.',
      example: '"The school counsellor has a six-week wait."',
    },
    {
      name: 'A healthy workforce',
      color: '#457b9d',
      definition: 'Workplaces that support good mental health, for employees, employers and the self-employed.',
      whenToUse: 'Work stress, insecure work, managers\u2019 skills, workplace wellbeing schemes.',
      whenNotToUse: 'The wellbeing of mental-health staff only as a staffing issue for services.',
      example: '"Zero-hours contracts mean you never know if you can pay the rent."',
    },
    {
      name: 'Services there when and where needed',
      color: '#8e5ea2',
      definition: 'Timely, accessible, joined-up mental-health support, in the right place and at the right time.',
      whenToUse: 'Waiting times, thresholds, crisis care, navigation, opening hours, location, language.',
      whenNotToUse: 'Community-run activities with no link to formal services.',
      example: '"You have to be in crisis before anyone will see you."',
    },
    {
      name: 'Zero suicide',
      color: '#c0392b',
      definition: 'Preventing suicide and supporting people bereaved or affected by it.',
      whenToUse: 'Suicide, self-harm, crisis moments, postvention and prevention training.',
      whenNotToUse: 'General low mood without reference to risk or crisis.',
      example: '"After we lost him, nobody checked on his friends."',
    },
    {
      name: 'Cross-cutting themes',
      color: '#6c757d',
      folder: true,
      definition: 'Themes that run across the six aspirations.',
      children: [
        {
          name: 'Building resilient communities',
          color: '#52b788',
          definition: 'Social connection, trust and shared places that help communities withstand hardship.',
          whenToUse: 'Neighbourliness, community spaces, mutual aid, belonging.',
          whenNotToUse: 'Individual coping skills (use Knowledge and skills).',
          example: '"The lunch club is the only time some of our members see anyone."',
        },
        {
          name: 'Knowledge and skills to look after ourselves and our neighbours',
          color: '#2d6a4f',
          definition: 'Knowing how to look after one\u2019s own mental health and to notice and help others.',
          whenToUse: 'Mental health literacy, first-aid training, knowing where to turn, self-care.',
          whenNotToUse: 'Professional training of clinical staff.',
          example: '"I wouldn\'t have known what to say to her before the course."',
        },
        {
          name: 'Isolation and loneliness',
          color: '#90a4ae',
          definition: 'Being cut off from others, and its effect on mental health.',
          whenToUse: 'Living alone, language barriers to connection, digital exclusion, bereavement.',
          whenNotToUse: 'Chosen solitude described as positive.',
          example: '"Some days the only voice I hear is the radio."',
        },
        {
          name: 'Access and navigation barriers',
          color: '#b5838d',
          definition: 'What stops people finding or reaching help.',
          whenToUse: 'Not knowing what exists, referral loops, language, cost, travel, digital-only access.',
          whenNotToUse: 'Waiting times once referred (use Services there when and where needed).',
          example: '"Every number I rang sent me to another number."',
        },
        {
          name: 'Trust in services',
          color: '#7f5539',
          definition: 'Confidence, or its absence, in services and institutions.',
          whenToUse: 'Past experiences, fear of consequences, discrimination by services, being believed.',
          whenNotToUse: 'Trust between neighbours (use Building resilient communities).',
          example: '"They\'ll take my kids if I tell them how bad it is."',
        },
        {
          name: 'Culture, faith and identity',
          color: '#e9c46a',
          definition: 'How culture, faith, ethnicity, sexuality and other identities shape experience and support.',
          whenToUse: 'Culturally specific needs, faith settings, racism, LGBTQ+ experience.',
          whenNotToUse: 'Language needs alone (use Access and navigation barriers).',
          example: '"The imam is often the first person people go to."',
        },
        {
          name: 'Money, housing and work pressures',
          color: '#bc6c25',
          definition: 'Material pressures that affect mental health.',
          whenToUse: 'Debt, benefits, housing insecurity, overcrowding, cost of living.',
          whenNotToUse: 'Workplace culture (use A healthy workforce).',
          example: '"Six of us in a two-bed flat, of course everyone\'s on edge."',
        },
      ],
    },
    {
      name: 'Solutions and recommendations',
      color: '#264653',
      folder: true,
      definition: 'What participants propose: actions for partners, services and communities.',
      children: [
        {
          name: 'Peer support and community champions',
          color: '#0096c7',
          definition: 'People with lived experience or local standing supporting others.',
          example: '"Train people who are already trusted, like hairdressers and barbers."',
        },
        {
          name: 'Training and awareness',
          color: '#48cae4',
          definition: 'Mental health first aid, awareness campaigns, training for staff and volunteers.',
          example: '"Every teacher should have the basic training."',
        },
        {
          name: 'Co-production with residents',
          color: '#9d4edd',
          definition: 'Designing and running services together with the people who use them.',
          example: '"Put us on the panel that decides the funding."',
        },
        {
          name: 'Joined-up local partnerships',
          color: '#ff8fab',
          definition: 'Councils, NHS, voluntary sector, schools, employers and faith groups working together.',
          example: '"The GP, the school and the youth club never talk to each other."',
        },
        {
          name: 'Information and signposting',
          color: '#80b918',
          definition: 'Clear, findable information about what help exists and how to reach it.',
          example: '"One leaflet, in every language, on every noticeboard."',
        },
      ],
    },
  ],
};
