import{N as e,Pr as t,_ as n,c as r,f as i,i as a,l as o,o as s,r as c,u as l,v as u,y as d}from"./index-eZd5Ttaf.js";import{t as f}from"./descriptions-C6rtiXi3.js";import{t as p}from"./space-BLuJt17u.js";import{t as m}from"./table-Dfne5Jg3.js";var h=c(),g=r(`
  query ArchiveRecord($id: ID!) {
    node(id: $id) {
      id
      ... on Archive {
        title
        summary
        createdAt
        snapshot
        requirement {
          id
          code
        }
      }
    }
  }
`),_=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`,`expectedBy`],v=[`goalAchievement`,`contributions`,`problems`];function y(){let{id:r=``}=n(),{t:c,language:y}=o(),{data:b,error:x,loading:S}=t(g,{variables:{id:r}});if(x){let e=a(x)===`NOT_FOUND`;return(0,h.jsx)(d,{status:e?`404`:`error`,title:e?c(`req.notFound`):s(x,c,y)})}let C=b?.node.__typename===`Archive`?b.node:null;if(!C)return(0,h.jsx)(e,{loading:S});let w=C.snapshot??{},T=w.form??{},E=w.report??{};return(0,h.jsxs)(p,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,h.jsx)(u.Title,{level:1,style:{fontSize:22,margin:0},children:C.title}),(0,h.jsxs)(u.Text,{type:`secondary`,children:[w.code,` · `,c(`knowledge.readOnly`),C.requirement&&(0,h.jsxs)(h.Fragment,{children:[` · `,(0,h.jsx)(i,{to:`/requirements/${C.requirement.code}`,children:c(`knowledge.openRequirement`)})]})]}),(0,h.jsxs)(e,{size:`small`,title:c(`knowledge.form`),children:[C.summary&&(0,h.jsx)(u.Paragraph,{children:C.summary}),(0,h.jsx)(f,{column:1,size:`small`,children:_.filter(e=>T[e]).map(e=>(0,h.jsx)(f.Item,{label:c(`req.${e}`),children:(0,h.jsx)(u.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:T[e]})},e))})]}),(w.tasks??[]).length>0&&(0,h.jsx)(e,{size:`small`,title:c(`req.tasks`),children:(0,h.jsx)(m,{size:`small`,rowKey:`code`,pagination:!1,scroll:{x:!0},dataSource:w.tasks??[],columns:[{title:c(`task.code`),dataIndex:`code`},{title:c(`task.title`),dataIndex:`title`},{title:c(`req.status`),key:`status`,render:(e,t)=>l(c,`status`,t.status)},{title:c(`task.percent`),key:`progress`,render:(e,t)=>`${t.progress}%`}]})}),v.some(e=>E[e])&&(0,h.jsx)(e,{size:`small`,title:c(`knowledge.report`),children:(0,h.jsx)(f,{column:1,size:`small`,children:v.filter(e=>E[e]).map(e=>(0,h.jsx)(f.Item,{label:c(`knowledge.${e}`),children:(0,h.jsx)(u.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:E[e]})},e))})})]})}export{y as default};