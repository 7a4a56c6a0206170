// A few rows of a statements file in the shapes the readers must take: names or codes for the
// municipality, every year notation, money in 円 and 千円, a quoted cell over two lines, a dash, an
// estimate (見込). The statements reader's tests and the importer fuzz both start from them.
export const STATEMENTS_HEADER = 'municipality,edition,owner_type,owner,owner_title,department,indicator,kind,unit,fiscal_year,target,actual,reason,source';

export const STATEMENT_ROWS: readonly string[] = [
  '062073,令和3年度,measure,5-1-1,多様な担い手が参画するまちづくりの推進,市政戦略課,NPO法人数,成果指標,団体,R3,17,17,,p.12',
  '上山市,2021,事業,地域おこし協力隊推進事業費,,市政戦略課,事業費,COST,千円,令和3年度,"6,160",280,"隊員の退任により\n減額",p.40',
  '062073,R3,project,国際交流推進費,,市政戦略課,事業費,事業費,円,2022,"5,923,000",―,,',
  '062073,R3,project,国際交流推進費,,市政戦略課,従事人工,STAFFING,人工,2021,0.8,0.1(見込),,',
];
