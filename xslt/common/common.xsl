<?xml version="1.0" encoding="UTF-8"?>
<!--
  Decisions shared by the web and the print edition: what a document's title, date, place and
  participants are, which person a pointer names and on which side they stand, which notes are
  footnotes and which are editorial insertions, how a turn is identified. The format folders
  (html/, print/) only decide how each of these looks.

  Works on any TEI, not only the project's: every function falls back to something sensible
  when the project's conventions (particDesc with sides, persons.xml, notes in a back div) are
  absent.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    exclude-result-prefixes="#all">

  <xsl:include href="common_param.xsl"/>

<!-- Ids are looked up within the TEI document that holds them (a corpus holds many documents
       with the same ids): the key is the document's generated id and the xml:id. -->
  <xsl:key name="tt:id" match="*[@xml:id]" use="generate-id(tt:scope(.)) || ' ' || @xml:id"/>
  <xsl:key name="tt:footnote-refs" match="tei:ref[starts-with(@target, '#')]"
      use="generate-id(tt:scope(.)) || ' ' || substring(@target, 2)"/>

  <!-- The element with this xml:id in the document of $context. -->
  <xsl:function name="tt:by-id" as="element()*">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="key('tt:id', generate-id(tt:scope($context)) || ' ' || $id, root($context))"/>
  </xsl:function>

  <!-- The references ('#id') to this xml:id in the document of $context. -->
  <xsl:function name="tt:refs-to" as="element()*">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="key('tt:footnote-refs', generate-id(tt:scope($context)) || ' ' || $id, root($context))"/>
  </xsl:function>

  <!-- Where an id is looked up: the TEI document a node is in (a corpus holds many). -->
  <xsl:function name="tt:scope" as="node()">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::tei:TEI[1], root($node))[1]"/>
  </xsl:function>

  <!-- A document's title: the main title of the titleStmt, else its first title. -->
  <xsl:function name="tt:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="titles" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="normalize-space(($titles[@type = 'main'], $titles)[1])"/>
  </xsl:function>

  <!-- The date element that dates the conversation: the setting, else the source, else the
       publication. -->
  <xsl:function name="tt:date-element" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:sequence select="(
        $header/tei:profileDesc/tei:settingDesc//tei:date,
        $header/tei:profileDesc/tei:creation//tei:date,
        $header/tei:fileDesc/tei:sourceDesc//tei:date,
        $header/tei:fileDesc/tei:publicationStmt/tei:date)[1]"/>
  </xsl:function>

  <!-- The conversation's date as ISO (what sorts), empty when the document states none. -->
  <xsl:function name="tt:iso-date" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="tt:date-element($tei)"/>
    <xsl:sequence select="string(($date/@when, $date/@notBefore, $date/@from)[1])"/>
  </xsl:function>

  <!-- The conversation's date as printed, else its ISO value. -->
  <xsl:function name="tt:date-label" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="tt:date-element($tei)"/>
    <xsl:sequence select="(normalize-space($date)[.], tt:iso-date($tei))[1]"/>
  </xsl:function>

  <xsl:function name="tt:place" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space(($tei/tei:teiHeader/tei:profileDesc/tei:settingDesc//tei:placeName)[1])"/>
  </xsl:function>

  <!-- A telegram's or letter's sending and receiving, each with the persons, the place and
       the day it names, for a row of the header: "Sent by", "Addressed to" (or, naming no
       person, "Sent", "Received"), another action by its type. -->
  <xsl:function name="tt:correspondence" as="element(tei:correspAction)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[tei:persName or tei:placeName or tei:date]"/>
  </xsl:function>

  <xsl:function name="tt:correspondence-label" as="xs:string">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:variable name="type" select="string($action/@type)"/>
    <xsl:variable name="named" select="exists($action/tei:persName)"/>
    <xsl:sequence select="if ($type = 'sent') then (if ($named) then 'Sent by' else 'Sent')
        else if ($type = 'received') then (if ($named) then 'Addressed to' else 'Received')
        else if ($type) then upper-case(substring($type, 1, 1)) || substring($type, 2)
        else 'Correspondence'"/>
  </xsl:function>

  <!-- Where and when an action was, as printed: "Peking, 4.10.50 03.20"; empty when unsaid.
       After the persons it is in parentheses, the receiving said as such: "Roshchin (Peking,
       4.10.50 03.20)", "Filippov (received in Moscow, 4.10.50 12.15)". -->
  <xsl:function name="tt:correspondence-where-when" as="xs:string">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:variable name="received" select="$action/@type = 'received' and $action/tei:persName"/>
    <xsl:variable name="place" select="$action/tei:placeName ! ((if ($received) then 'in ' else '') || normalize-space())"/>
    <xsl:variable name="said" select="string-join(($place, $action/tei:date ! normalize-space()), ', ')"/>
    <xsl:sequence select="if (not($said)) then ''
        else if ($action/tei:persName) then ' (' || (if ($received) then 'received ' else '') || $said || ')'
        else $said"/>
  </xsl:function>

  <!-- The language of the original the record translates, as the source names it ("Russian"),
       empty when it does not say. -->
  <xsl:function name="tt:original-language" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space(($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:textLang)[1])"/>
  </xsl:function>

  <!-- The hours of the meeting as printed ("9 p.m.", "20:00 until 22:30"), empty when unknown. -->
  <xsl:function name="tt:meeting-time" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space(($tei/tei:teiHeader/tei:profileDesc/tei:settingDesc//tei:time)[1])"/>
  </xsl:function>

  <!-- The participants, each a person or personGrp of particDesc. -->
  <xsl:function name="tt:participants" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:particDesc//(tei:person | tei:personGrp)"/>
  </xsl:function>

  <!-- The list a participant is listed in: their side's listPerson, else any listPerson, else
       the particDesc itself. Participants are shown grouped by it. -->
  <xsl:function name="tt:participant-list" as="element()">
    <xsl:param name="person" as="element()"/>
    <xsl:sequence select="($person/ancestor::tei:listPerson[@type = 'side'], $person/ancestor::tei:listPerson, $person/..)[1]"/>
  </xsl:function>

  <!-- What the record was taken from: each bibl's citation note, else the bibl itself. -->
  <xsl:function name="tt:sources" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="source" select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc"/>
    <xsl:sequence select="$source/tei:bibl/tei:note[@type = 'citation'],
                          $source/(tei:bibl | tei:biblStruct)[not(tei:note[@type = 'citation'])]"/>
  </xsl:function>

  <!-- A source as one line. A bibl of a title and a date (and web addresses, shown apart) is
       "title, date", the date left out where the title already gives it; any other source
       is its text. -->
  <xsl:function name="tt:source-text" as="xs:string">
    <xsl:param name="source" as="element()"/>
    <xsl:variable name="title" select="normalize-space($source/tei:title[1])"/>
    <xsl:variable name="date" select="normalize-space($source/tei:date[1])"/>
    <xsl:sequence select="if ($source/self::tei:bibl and $title
                              and not($source/*[not(self::tei:title or self::tei:date or self::tei:ref or self::tei:textLang)]))
        then string-join(($title, $date[. and not(contains(lower-case($title), lower-case(.)))]), ', ')
        else normalize-space($source)"/>
  </xsl:function>

  <!-- A participant's side (soviet, chinese, korean, other, unknown), from the listPerson that
       holds them; 'unknown' where the document does not say. -->
  <xsl:function name="tt:side" as="xs:string">
    <xsl:param name="person" as="element()?"/>
    <xsl:sequence select="string(($person/ancestor::tei:listPerson[@type = 'side'][1]/@n, 'unknown')[1])"/>
  </xsl:function>

  <!-- How a side is named in a heading. -->
  <xsl:function name="tt:side-label" as="xs:string">
    <xsl:param name="listPerson" as="element()"/>
    <xsl:sequence select="(normalize-space($listPerson/tei:head[1])[.],
        concat(upper-case(substring($listPerson/@n, 1, 1)), substring($listPerson/@n, 2), ' side')[$listPerson/@n],
        'Participants')[1]"/>
  </xsl:function>

  <xsl:function name="tt:person-name" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:sequence select="(normalize-space(($person/tei:persName[@type = 'main'], $person/tei:persName, $person/tei:name)[1])[.],
        string($person/@xml:id))[1]"/>
  </xsl:function>

  <!-- The local participant a pointer ('#stalin') names in this document, if any (the first, when
       a stranger's document uses an id twice). -->
  <xsl:function name="tt:local-person" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="if (starts-with($pointer, '#'))
        then tt:by-id(substring($pointer, 2), $context)[self::tei:person or self::tei:personGrp][1]
        else ()"/>
  </xsl:function>

  <!-- The personography key a pointer resolves to: '#stalin' through the participant's
       @corresp, 'persons.xml#stalin' directly; empty when it names nobody we know. -->
  <xsl:function name="tt:person-key" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="local" select="tt:local-person($pointer, $context)"/>
    <xsl:variable name="target" select="($local/@corresp, $pointer)[1]"/>
    <xsl:sequence select="if (starts-with($target, $personography-file || '#'))
        then substring-after($target, '#')
        else string($local/@xml:id)"/>
  </xsl:function>

  <!-- The speakers of a turn: the tokens of @who. -->
  <xsl:function name="tt:who" as="xs:string*">
    <xsl:param name="sp" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space($sp/@who), ' ')"/>
  </xsl:function>

  <!-- A turn's anchor: its xml:id, else its position among the document's turns. -->
  <xsl:function name="tt:turn-id" as="xs:string">
    <xsl:param name="sp" as="element()"/>
    <xsl:sequence select="(string($sp/@xml:id)[.], 'turn-' || (count($sp/preceding::tei:sp) + 1))[1]"/>
  </xsl:function>

  <!-- An editorial insertion, shown in brackets: a note the converter placed inline, or words
       supplied by an editor. -->
  <xsl:function name="tt:is-insertion" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="$element/self::tei:supplied or $element/self::tei:note[@place = 'inline']"/>
  </xsl:function>

  <!-- The marks that set an insertion off, opening and closing: brackets, or the parentheses
       the source printed around a note ("(Interpreter's note: …)"). -->
  <xsl:function name="tt:insertion-marks" as="xs:string+">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if ($element/@rend = 'parentheses') then ('(', ')') else ('[', ']')"/>
  </xsl:function>

  <!-- Words the copy does not give: the mark as the source printed it ("[two words
       illegible]", "(illegible)"), or "…" where the gap has no description (other projects'
       TEI, "[…]"); what is known of it for a tooltip. -->
  <xsl:function name="tt:gap-words" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:sequence select="if (normalize-space($gap/tei:desc)) then normalize-space($gap/tei:desc) else '…'"/>
  </xsl:function>

  <xsl:function name="tt:gap-title" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:variable name="reason" select="map {'lost': 'missing in the original', 'editorial': 'left out by the editor'}"/>
    <xsl:variable name="size" select="if ($gap/@quantity and $gap/@unit)
                                      then $gap/@quantity || ' ' || $gap/@unit || (if ($gap/@quantity = '1') then '' else 's')
                                      else $gap/@extent"/>
    <xsl:sequence select="string-join(('words not given', string-join((($reason($gap/@reason), $gap/@reason)[1], $size), ', ')[.]), ': ')"/>
  </xsl:function>

  <!-- Where a page of the original begins, as its source printed the mark: "[l. 12]",
       "/l. 12/"; a bare number from other projects' TEI as "[page 12]". -->
  <xsl:function name="tt:page-mark" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="label" select="if (not($pb/@n)) then 'page break'
                                       else if (matches($pb/@n, '^\d')) then 'page ' || $pb/@n
                                       else string($pb/@n)"/>
    <xsl:sequence select="if ($pb/@rend = 'slashes') then '/' || $label || '/' else '[' || $label || ']'"/>
  </xsl:function>

  <!-- The page marks a speaker's label opens with ("[l. 11] Comrade Mao Zedong:"): shown
       beside the label, not in its small capitals nor in its link. -->
  <xsl:function name="tt:leading-page-marks" as="element()*">
    <xsl:param name="speaker" as="element()"/>
    <xsl:sequence select="$speaker/tei:pb[empty(preceding-sibling::node()[not(self::tei:pb)][normalize-space()])]"/>
  </xsl:function>

  <!-- The label's words after such marks, without the space that parted them from the marks. -->
  <xsl:function name="tt:after-page-marks" as="xs:boolean">
    <xsl:param name="text" as="text()"/>
    <xsl:sequence select="exists($text/parent::tei:speaker)
                          and exists($text/preceding-sibling::node()[1] intersect tt:leading-page-marks($text/..))"/>
  </xsl:function>

  <!-- A label's words that a footnote's marker follows ("Stalin (1):"): the marker stands
       against the name, as a superscript does, outside its link. -->
  <xsl:function name="tt:before-label-marker" as="xs:boolean">
    <xsl:param name="text" as="text()"/>
    <xsl:sequence select="exists($text/parent::tei:speaker)
                          and exists($text/following-sibling::node()[1][self::tei:ref[@type = 'footnote']])"/>
  </xsl:function>

  <!-- A label's words without the spaces that part them from its leading page marks and from
       a footnote's marker after them. -->
  <xsl:function name="tt:label-words" as="xs:string">
    <xsl:param name="text" as="text()"/>
    <xsl:variable name="after-marks" select="if (tt:after-page-marks($text)) then replace($text, '^\s+', '') else string($text)"/>
    <xsl:sequence select="if (tt:before-label-marker($text)) then replace($after-marks, '\s+$', '') else $after-marks"/>
  </xsl:function>

  <!-- A footnote: any other note of the text. -->
  <xsl:function name="tt:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/self::tei:note and not($note/@place = 'inline') and exists($note/ancestor::tei:text)"/>
  </xsl:function>

  <!-- The note a footnote reference points to, if it points to one in this document. -->
  <xsl:function name="tt:referenced-note" as="element()?">
    <xsl:param name="ref" as="element()"/>
    <xsl:sequence select="if (starts-with($ref/@target, '#'))
        then tt:by-id(substring($ref/@target, 2), $ref)[self::tei:note][1]
        else ()"/>
  </xsl:function>

  <!-- A footnote written where it was printed that a marker elsewhere points to (the foot of
       a page in the middle of the text): shown through its marker, not again in place. -->
  <xsl:function name="tt:is-marked-elsewhere" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="not(tt:is-detached-note($note)) and exists($note/@xml:id)
        and exists(tt:refs-to(string($note/@xml:id), $note))"/>
  </xsl:function>

  <!-- A note kept apart from the text (a div of notes) is shown where its references are; one
       that nothing points to is shown in the list of notes. -->
  <xsl:function name="tt:is-detached-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/parent::tei:div[@type = 'notes'])"/>
  </xsl:function>

  <!-- The footnotes of a text in reading order: a note written in the text where it stands,
       a detached note where it is first referred to, and then the detached notes nothing
       refers to. -->
  <xsl:function name="tt:footnotes" as="element()*">
    <xsl:param name="text" as="element()"/>
    <xsl:variable name="in-place" select="$text//tei:note[tt:is-footnote(.)][not(tt:is-detached-note(.))]
        | $text//tei:ref[exists(tt:referenced-note(.)[tt:is-detached-note(.)])]"/>
    <xsl:variable name="ordered" as="element()*">
      <xsl:for-each select="$in-place">
        <xsl:sequence select="if (self::tei:ref) then tt:referenced-note(.) else ."/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="unreferenced" select="$text//tei:note[tt:is-footnote(.)][tt:is-detached-note(.)]
        except $ordered"/>
    <xsl:for-each-group select="$ordered, $unreferenced" group-by="generate-id()">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- A footnote's label: its @n as printed, else its place among the footnotes. -->
  <xsl:function name="tt:footnote-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="footnotes" as="element()*"/>
    <xsl:sequence select="(normalize-space($note/@n)[.],
        string(index-of($footnotes ! generate-id(.), generate-id($note))[1]))[1]"/>
  </xsl:function>

  <!-- A footnote's anchor in the output. -->
  <xsl:function name="tt:footnote-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="(string($note/@xml:id)[.], 'note-' || tt:ordinal($note))[1]"/>
  </xsl:function>

  <!-- A node's number among the notes and references before it in its whole input: the same
       on every run (generate-id() is not), unique in a corpus. -->
  <xsl:function name="tt:ordinal" as="xs:integer">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="count($node/preceding::*[self::tei:note or self::tei:ref]) + count($node/ancestor::*[self::tei:note or self::tei:ref]) + 1"/>
  </xsl:function>

</xsl:stylesheet>
