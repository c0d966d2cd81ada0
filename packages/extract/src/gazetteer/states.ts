// States: general world knowledge only. Format per line:
// canonical | other names | demonyms (adjective and plural nouns) | capital
const RAW = `
United States|US;U.S.;USA;U.S.A.;America;United States of America|American;Americans|Washington
United Kingdom|UK;U.K.;Britain;Great Britain|British;Briton;Britons|London
Iran|Islamic Republic of Iran;Islamic Republic|Iranian;Iranians|Tehran
Iraq||Iraqi;Iraqis|Baghdad
Syria|Syrian Arab Republic|Syrian;Syrians|Damascus
Israel|State of Israel|Israeli;Israelis|Jerusalem
Lebanon||Lebanese|Beirut
Jordan||Jordanian;Jordanians|Amman
Saudi Arabia|Kingdom of Saudi Arabia|Saudi;Saudis;Saudi Arabian;Saudi Arabians|Riyadh
Yemen||Yemeni;Yemenis|Sanaa
Kuwait||Kuwaiti;Kuwaitis|Kuwait City
Qatar||Qatari;Qataris|Doha
Bahrain||Bahraini;Bahrainis|Manama
Oman||Omani;Omanis|Muscat
United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis|Abu Dhabi
Egypt||Egyptian;Egyptians|Cairo
Libya||Libyan;Libyans|Tripoli
Tunisia||Tunisian;Tunisians|Tunis
Algeria||Algerian;Algerians|Algiers
Morocco||Moroccan;Moroccans|Rabat
Sudan||Sudanese|Khartoum
South Sudan|||Juba
Ethiopia||Ethiopian;Ethiopians|Addis Ababa
Eritrea||Eritrean;Eritreans|Asmara
Somalia||Somali;Somalis|Mogadishu
Kenya||Kenyan;Kenyans|Nairobi
Uganda||Ugandan;Ugandans|Kampala
Tanzania||Tanzanian;Tanzanians|Dodoma
Rwanda||Rwandan;Rwandans|Kigali
Nigeria||Nigerian;Nigerians|Abuja
Niger||Nigerien;Nigeriens|Niamey
Mali||Malian;Malians|Bamako
Burkina Faso||Burkinabe|Ouagadougou
Chad||Chadian;Chadians|N'Djamena
Cameroon||Cameroonian;Cameroonians|Yaounde
Ghana||Ghanaian;Ghanaians|Accra
Senegal||Senegalese|Dakar
Ivory Coast|Cote d'Ivoire|Ivorian;Ivorians|Yamoussoukro
South Africa||South African;South Africans|Pretoria
Zimbabwe||Zimbabwean;Zimbabweans|Harare
Mozambique||Mozambican;Mozambicans|Maputo
Angola||Angolan;Angolans|Luanda
Democratic Republic of the Congo|DR Congo;DRC;Congo|Congolese|Kinshasa
Turkey|Turkiye;Türkiye|Turkish;Turks|Ankara
Cyprus||Cypriot;Cypriots|Nicosia
Greece||Greek;Greeks|Athens
Russia|Russian Federation|Russian;Russians|Moscow
Ukraine||Ukrainian;Ukrainians|Kyiv;Kiev
Belarus||Belarusian;Belarusians|Minsk
Poland||Polish;Poles|Warsaw
Germany||German;Germans|Berlin
France||French|Paris
Italy||Italian;Italians|Rome
Spain||Spanish;Spaniards|Madrid
Portugal||Portuguese|Lisbon
Netherlands|Holland|Dutch|Amsterdam
Belgium||Belgian;Belgians|Brussels
Switzerland||Swiss|Bern
Austria||Austrian;Austrians|Vienna
Sweden||Swedish;Swedes|Stockholm
Norway||Norwegian;Norwegians|Oslo
Denmark||Danish;Danes|Copenhagen
Finland||Finnish;Finns|Helsinki
Ireland||Irish|Dublin
Hungary||Hungarian;Hungarians|Budapest
Czech Republic|Czechia|Czech;Czechs|Prague
Slovakia||Slovak;Slovaks|Bratislava
Romania||Romanian;Romanians|Bucharest
Bulgaria||Bulgarian;Bulgarians|Sofia
Serbia||Serbian;Serbs|Belgrade
Croatia||Croatian;Croats|Zagreb
Bosnia and Herzegovina|Bosnia|Bosnian;Bosnians|Sarajevo
Kosovo||Kosovar;Kosovars|Pristina
Albania||Albanian;Albanians|Tirana
Moldova||Moldovan;Moldovans|Chisinau
Georgia||Georgian;Georgians|Tbilisi
Armenia||Armenian;Armenians|Yerevan
Azerbaijan||Azerbaijani;Azerbaijanis|Baku
Kazakhstan||Kazakh;Kazakhs|Astana
Uzbekistan||Uzbek;Uzbeks|Tashkent
Turkmenistan||Turkmen|Ashgabat
Tajikistan||Tajik;Tajiks|Dushanbe
Kyrgyzstan||Kyrgyz|Bishkek
Afghanistan||Afghan;Afghans|Kabul
Pakistan||Pakistani;Pakistanis|Islamabad
India||Indian;Indians|New Delhi
Bangladesh||Bangladeshi;Bangladeshis|Dhaka
Sri Lanka||Sri Lankan;Sri Lankans|Colombo
Nepal||Nepali;Nepalese|Kathmandu
Myanmar|Burma|Burmese|Naypyidaw
Thailand||Thai|Bangkok
Vietnam|Viet Nam|Vietnamese|Hanoi
Cambodia||Cambodian;Cambodians|Phnom Penh
Laos||Laotian;Laotians|Vientiane
Malaysia||Malaysian;Malaysians|Kuala Lumpur
Singapore||Singaporean;Singaporeans|
Indonesia||Indonesian;Indonesians|Jakarta
Philippines||Philippine;Filipino;Filipinos|Manila
China|People's Republic of China;PRC|Chinese|Beijing
Taiwan||Taiwanese|Taipei
Japan||Japanese|Tokyo
South Korea|Republic of Korea|South Korean;South Koreans|Seoul
North Korea|DPRK;Democratic People's Republic of Korea|North Korean;North Koreans|Pyongyang
Mongolia||Mongolian;Mongolians|Ulaanbaatar
Australia||Australian;Australians|Canberra
New Zealand||New Zealander;New Zealanders|Wellington
Canada||Canadian;Canadians|Ottawa
Mexico||Mexican;Mexicans|Mexico City
Cuba||Cuban;Cubans|Havana
Venezuela||Venezuelan;Venezuelans|Caracas
Colombia||Colombian;Colombians|Bogota
Brazil||Brazilian;Brazilians|Brasilia
Argentina||Argentine;Argentinian;Argentines|Buenos Aires
Chile||Chilean;Chileans|Santiago
Peru||Peruvian;Peruvians|Lima
Bolivia||Bolivian;Bolivians|La Paz
Ecuador||Ecuadorian;Ecuadorians|Quito
Nicaragua||Nicaraguan;Nicaraguans|Managua
Haiti||Haitian;Haitians|Port-au-Prince
Palestine|State of Palestine;Palestinian territories|Palestinian;Palestinians|Ramallah
`;

export interface StateEntry {
  canonical: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
}

export const STATES: StateEntry[] = RAW.trim()
  .split('\n')
  .map((line) => {
    const [canonical = '', names = '', demonyms = '', capitals = ''] = line.split('|');
    const list = (s: string) =>
      s
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean);
    return { canonical, names: [canonical, ...list(names)], demonyms: list(demonyms), capitals: list(capitals) };
  });
