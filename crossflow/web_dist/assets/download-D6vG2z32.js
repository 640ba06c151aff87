import{St as e,c as t,l as n,o as r,wr as i}from"./index-CwwjGBzP.js";var a=t(`
  mutation SignDownloadLink($path: String!) {
    signDownloadLink(path: $path) {
      url
      expiresAt
    }
  }
`);function o(){let{t,language:o}=n(),{message:s}=e.useApp(),[c]=i(a,{fetchPolicy:`no-cache`});return async e=>{try{let{data:t}=await c({variables:{path:e}});t&&window.location.assign(t.signDownloadLink.url)}catch(e){s.error(r(e,t,o))}}}export{o as t};